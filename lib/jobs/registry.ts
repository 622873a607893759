// Every job the CLI (scripts/jobs.ts) and the staff page (/staff/jobs) can start.
import { companyCallsJob } from "./company-calls";
import { directDebitJob } from "./direct-debit";
import { importCodaJob } from "./import-coda";
import { planFollowUpJob } from "./plan-follow-up";
import { quarterlyCallsJob } from "./quarterly-calls";
import { regularisationJob } from "./regularisation";
import { surchargesJob } from "./surcharges";
import { taxCertificatesJob } from "./tax-certificates";
import type { JobDefinition, JobParams } from "./types";

const asJob = <P extends JobParams>(d: JobDefinition<P>) => d as unknown as JobDefinition<JobParams>;

export const JOBS: Record<string, JobDefinition<JobParams>> = {
  [quarterlyCallsJob.name]: asJob(quarterlyCallsJob),
  [surchargesJob.name]: asJob(surchargesJob),
  [companyCallsJob.name]: asJob(companyCallsJob),
  [importCodaJob.name]: asJob(importCodaJob),
  [directDebitJob.name]: asJob(directDebitJob),
  [regularisationJob.name]: asJob(regularisationJob),
  [planFollowUpJob.name]: asJob(planFollowUpJob),
  [taxCertificatesJob.name]: asJob(taxCertificatesJob),
};
