import "server-only";
import { prisma } from "@/lib/db/client";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { PENDING_REQUEST_STATUSES } from "@/lib/db/enums";
import { checkJointLiabilityRelease, jointLiabilityYears } from "@/lib/domain/joint-liability-release";
import { jointLiabilityCompanies } from "@/lib/dal/internal/joint-liability-release";
import { fileSubmittedRequest } from "@/lib/dal/internal/requests-filing";
import { type RequestFiled } from "@/lib/dto/continued-insurance";
import type { EvidenceUpload } from "@/lib/formats/evidence";
import { NotFoundError, invalid, refused } from "@/lib/errors";

/**
 * Files a director's request to be released from the joint liability for a company's contribution (DOMAIN.md §1.17)
 * for the dossier's advisor: the company must be one the caller directs or directed (another is a 404), each year
 * must fall in a mandate, within one year of its due date, and not be asked for already — the domain's rule, checked
 * again inside the filing transaction against the requests filed meanwhile. The payload names the company and the
 * years: accepted, it is the record of the release.
 */
export async function requestMyJointLiabilityRelease(
  viewer: Viewer | null,
  today: string,
  companyAffiliateId: string,
  input: { years: string[]; motivation: string },
  evidence: readonly EvidenceUpload[] = [],
): Promise<RequestFiled> {
  const affiliateId = ownAffiliateId(viewer, "file");
  const company = (await jointLiabilityCompanies(affiliateId, today)).find((c) => c.companyAffiliateId === companyAffiliateId);
  if (!company) throw new NotFoundError("company");
  const check = checkJointLiabilityRelease(company.years, input.years.map(Number));
  if (!check.ok) throw invalid({ years: [`jointLiability-${check.refusal}`] });
  const enterprise = await prisma.affiliate.findUnique({ where: { id: companyAffiliateId }, select: { company: { select: { enterpriseNumber: true } } } });
  const filed = await fileSubmittedRequest(viewer!, affiliateId, today, {
    type: "JOINT_LIABILITY_RELEASE",
    payload: {
      companyAffiliateId,
      companyName: company.name,
      enterpriseNumber: enterprise?.company?.enterpriseNumber ?? null,
      years: check.years,
      deadlines: company.years.filter((y) => check.years.includes(y.year)).map((y) => ({ year: y.year, deadlineOn: y.deadlineOn })),
      motivation: input.motivation,
    },
    evidence,
    // the same years asked for meanwhile (a second tab): checked again with what the transaction sees
    isDuplicate: async (tx) => {
      const others = await tx.request.findMany({
        where: { affiliateId, type: "JOINT_LIABILITY_RELEASE", status: { in: [...PENDING_REQUEST_STATUSES, "ACCEPTED"] }, payload: { path: ["companyAffiliateId"], equals: companyAffiliateId } },
        select: { payload: true },
      });
      const asked = others.flatMap((r) => ((r.payload as { years?: unknown }).years as unknown[] | undefined) ?? []).filter((y): y is number => typeof y === "number");
      const again = jointLiabilityYears({ today, mandates: company.mandates, contributions: company.years.map((y) => ({ year: y.year, dueOn: y.dueOn })), alreadyAsked: asked });
      return !checkJointLiabilityRelease(again, check.years).ok;
    },
  });
  if (!filed) throw refused("alreadyPending");
  return filed;
}
