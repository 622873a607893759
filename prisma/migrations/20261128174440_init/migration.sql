-- CreateEnum
CREATE TYPE "Role" AS ENUM ('AFFILIATE', 'ADVISOR', 'MANAGER', 'ADMIN');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('fr', 'nl');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('M', 'F');

-- CreateEnum
CREATE TYPE "AffiliateKind" AS ENUM ('PERSON', 'COMPANY');

-- CreateEnum
CREATE TYPE "AffiliationStatus" AS ENUM ('ACTIVE', 'ENDED');

-- CreateEnum
CREATE TYPE "Category" AS ENUM ('MAIN', 'COMPLEMENTARY', 'HELPING_SPOUSE', 'STUDENT', 'ACTIVE_PENSIONER', 'ART37');

-- CreateEnum
CREATE TYPE "CallKind" AS ENUM ('PROVISIONAL', 'REGULARISATION', 'COMPANY');

-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('CALL', 'FEE', 'SURCHARGE', 'PAYMENT', 'REFUND', 'ADJUSTMENT', 'WRITE_OFF');

-- CreateEnum
CREATE TYPE "PaymentSource" AS ENUM ('CODA', 'DIRECT_DEBIT', 'MANUAL');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('MATCHED', 'UNMATCHED', 'RETURNED');

-- CreateEnum
CREATE TYPE "MandateStatus" AS ENUM ('ACTIVE', 'REVOKED');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('ACTIVE', 'COMPLETED', 'BROKEN', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RequestType" AS ENUM ('AFFILIATION', 'PAYMENT_PLAN', 'REDUCTION', 'INCREASE', 'EXEMPTION', 'SURCHARGE_WAIVER', 'MATERNITY_AID', 'BRIDGING_RIGHT', 'CAREGIVER_ALLOWANCE', 'QUESTION', 'COMPLAINT');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'INFORMATION_REQUESTED', 'AWAITING_SECOND_APPROVAL', 'FORWARDED', 'ACCEPTED', 'REFUSED', 'WITHDRAWN', 'CLOSED');

-- CreateEnum
CREATE TYPE "BenefitType" AS ENUM ('MATERNITY_AID', 'BRIDGING_RIGHT', 'CAREGIVER_ALLOWANCE');

-- CreateEnum
CREATE TYPE "BenefitStatus" AS ENUM ('OFFERED', 'CLAIMED', 'GRANTED', 'REFUSED', 'PAID');

-- CreateEnum
CREATE TYPE "RecoveryStepKind" AS ENUM ('REMINDER', 'ACCOUNT_STATEMENT', 'FORMAL_NOTICE', 'PERSONAL_CONTACT', 'BAILIFF', 'LAWYER', 'HEARING', 'JUDGMENT', 'SUSPENDED', 'RESUMED', 'WRITE_OFF', 'CLOSED');

-- CreateEnum
CREATE TYPE "RecoveryStatus" AS ENUM ('OPEN', 'SUSPENDED', 'JUDICIAL', 'CLOSED', 'WRITTEN_OFF');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('CALL_NOTICE', 'DECISION', 'TAX_CERTIFICATE', 'AFFILIATION_CERTIFICATE', 'RECOVERY_LETTER', 'EVIDENCE', 'WELCOME_PACK');

-- CreateEnum
CREATE TYPE "ThreadStatus" AS ENUM ('OPEN', 'ANSWERED', 'CLOSED');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED', 'REFUSED');

-- CreateTable
CREATE TABLE "Fund" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL,
    "iban" TEXT NOT NULL,
    "bic" TEXT NOT NULL,
    "creditorId" TEXT NOT NULL,
    "managementFeeBp" INTEGER NOT NULL,
    "address" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Fund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "name" TEXT NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'fr',
    "affiliateId" TEXT,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lastFailedAt" TIMESTAMPTZ(3),
    "disabledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "niss" CHAR(11) NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "birthDate" DATE NOT NULL,
    "sex" "Sex" NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "street" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Company" (
    "id" TEXT NOT NULL,
    "enterpriseNumber" CHAR(10) NOT NULL,
    "name" TEXT NOT NULL,
    "legalForm" TEXT NOT NULL,
    "createdOn" DATE NOT NULL,
    "street" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Affiliate" (
    "id" TEXT NOT NULL,
    "memberNumber" TEXT NOT NULL,
    "kind" "AffiliateKind" NOT NULL,
    "personId" TEXT,
    "companyId" TEXT,
    "language" "Locale" NOT NULL DEFAULT 'fr',
    "refundIban" TEXT,
    "advisorId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Affiliate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Affiliation" (
    "id" TEXT NOT NULL,
    "affiliateId" TEXT NOT NULL,
    "startOn" DATE NOT NULL,
    "endOn" DATE,
    "status" "AffiliationStatus" NOT NULL,
    "requestId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Affiliation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CategoryPeriod" (
    "id" TEXT NOT NULL,
    "affiliationId" TEXT NOT NULL,
    "category" "Category" NOT NULL,
    "fromOn" DATE NOT NULL,
    "toOn" DATE,
    "primoStarterUntil" DATE,

    CONSTRAINT "CategoryPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HelpingSpouseLink" (
    "id" TEXT NOT NULL,
    "spouseId" TEXT NOT NULL,
    "selfEmployedId" TEXT NOT NULL,
    "fromOn" DATE NOT NULL,
    "toOn" DATE,

    CONSTRAINT "HelpingSpouseLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompanyDirector" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "fromOn" DATE NOT NULL,
    "toOn" DATE,

    CONSTRAINT "CompanyDirector_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompanyBalanceSheet" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "balanceSheetTotalCents" BIGINT NOT NULL,

    CONSTRAINT "CompanyBalanceSheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Birth" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "bornOn" DATE NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Birth_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncomeRecord" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "incomeCents" BIGINT NOT NULL,
    "source" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncomeRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegalParameter" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "value" BIGINT,
    "denominator" BIGINT,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "note" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LegalParameter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegalParameterChange" (
    "id" TEXT NOT NULL,
    "parameterId" TEXT NOT NULL,
    "oldValue" BIGINT,
    "newValue" BIGINT,
    "oldStatus" TEXT NOT NULL,
    "newStatus" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "changedById" TEXT NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LegalParameterChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContributionCall" (
    "id" TEXT NOT NULL,
    "affiliateId" TEXT NOT NULL,
    "kind" "CallKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "category" "Category",
    "incomeBaseCents" BIGINT,
    "incomeYear" INTEGER,
    "contributionCents" INTEGER NOT NULL,
    "managementFeeCents" INTEGER NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "structuredCommunication" CHAR(12) NOT NULL,
    "issuedOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "breakdown" JSONB NOT NULL,
    "jobRunId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContributionCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" BIGSERIAL NOT NULL,
    "affiliateId" TEXT NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "bookedOn" DATE NOT NULL,
    "valueOn" DATE,
    "callId" TEXT,
    "paymentId" TEXT,
    "reasonCode" TEXT NOT NULL,
    "reasonParams" JSONB NOT NULL DEFAULT '{}',
    "uniqueKey" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentAllocation" (
    "id" BIGSERIAL NOT NULL,
    "paymentEntryId" BIGINT NOT NULL,
    "targetEntryId" BIGINT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "affiliateId" TEXT,
    "source" "PaymentSource" NOT NULL,
    "status" "PaymentStatus" NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "valueOn" DATE NOT NULL,
    "counterpartyName" TEXT,
    "counterpartyIban" TEXT,
    "communication" TEXT,
    "bankReference" TEXT,
    "statementId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BankStatement" (
    "id" TEXT NOT NULL,
    "accountIban" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "statementOn" DATE NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "openingCents" BIGINT NOT NULL,
    "closingCents" BIGINT NOT NULL,
    "importedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BankStatement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DirectDebitMandate" (
    "id" TEXT NOT NULL,
    "affiliateId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "iban" TEXT NOT NULL,
    "signedOn" DATE NOT NULL,
    "status" "MandateStatus" NOT NULL DEFAULT 'ACTIVE',
    "firstUsedOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DirectDebitMandate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentPlan" (
    "id" TEXT NOT NULL,
    "affiliateId" TEXT NOT NULL,
    "requestId" TEXT,
    "status" "PlanStatus" NOT NULL,
    "debtCents" INTEGER NOT NULL,
    "advanceCents" INTEGER NOT NULL,
    "months" INTEGER NOT NULL,
    "startOn" DATE NOT NULL,
    "brokenOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Instalment" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "dueOn" DATE NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "paidCents" INTEGER NOT NULL DEFAULT 0,
    "structuredCommunication" CHAR(12) NOT NULL,

    CONSTRAINT "Instalment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Request" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "type" "RequestType" NOT NULL,
    "status" "RequestStatus" NOT NULL,
    "affiliateId" TEXT,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "filedOn" DATE NOT NULL,
    "informationDueOn" DATE,
    "decisionDueOn" DATE,
    "pausedDays" INTEGER NOT NULL DEFAULT 0,
    "assigneeId" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionReasonCode" TEXT,
    "decisionText" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestEvent" (
    "id" BIGSERIAL NOT NULL,
    "requestId" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "fromStatus" "RequestStatus",
    "toStatus" "RequestStatus" NOT NULL,
    "reason" TEXT,

    CONSTRAINT "RequestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BenefitClaim" (
    "id" TEXT NOT NULL,
    "affiliateId" TEXT NOT NULL,
    "type" "BenefitType" NOT NULL,
    "status" "BenefitStatus" NOT NULL,
    "requestId" TEXT,
    "grantedAutomatically" BOOLEAN NOT NULL DEFAULT false,
    "filedOn" DATE,
    "paymentDueOn" DATE,
    "monthlyAmountCents" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BenefitClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BenefitPayment" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "interestCents" INTEGER NOT NULL DEFAULT 0,
    "paidOn" DATE NOT NULL,
    "sentToHealthInsurerAt" TIMESTAMPTZ(3),

    CONSTRAINT "BenefitPayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecoveryCase" (
    "id" TEXT NOT NULL,
    "affiliateId" TEXT NOT NULL,
    "status" "RecoveryStatus" NOT NULL,
    "currentStep" "RecoveryStepKind" NOT NULL,
    "debtCents" INTEGER NOT NULL,
    "oldestDueOn" DATE NOT NULL,
    "openedOn" DATE NOT NULL,
    "closedOn" DATE,

    CONSTRAINT "RecoveryCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecoveryStep" (
    "id" BIGSERIAL NOT NULL,
    "caseId" TEXT NOT NULL,
    "kind" "RecoveryStepKind" NOT NULL,
    "on" DATE NOT NULL,
    "actorId" TEXT,
    "note" TEXT,
    "costCents" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecoveryStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "affiliateId" TEXT,
    "requestId" TEXT,
    "kind" "DocumentKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "content" BYTEA,
    "uniqueKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageThread" (
    "id" TEXT NOT NULL,
    "affiliateId" TEXT NOT NULL,
    "requestId" TEXT,
    "subject" TEXT NOT NULL,
    "status" "ThreadStatus" NOT NULL,
    "answerDueOn" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageThread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "reason" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" TEXT NOT NULL,
    "job" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "status" "JobStatus" NOT NULL,
    "startedById" TEXT,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "progress" INTEGER NOT NULL DEFAULT 0,
    "counts" JSONB NOT NULL DEFAULT '{}',
    "totalCents" BIGINT NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_affiliateId_key" ON "User"("affiliateId");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE UNIQUE INDEX "Person_niss_key" ON "Person"("niss");

-- CreateIndex
CREATE INDEX "Person_lastName_firstName_idx" ON "Person"("lastName", "firstName");

-- CreateIndex
CREATE UNIQUE INDEX "Company_enterpriseNumber_key" ON "Company"("enterpriseNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Affiliate_memberNumber_key" ON "Affiliate"("memberNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Affiliate_personId_key" ON "Affiliate"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Affiliate_companyId_key" ON "Affiliate"("companyId");

-- CreateIndex
CREATE INDEX "Affiliate_advisorId_idx" ON "Affiliate"("advisorId");

-- CreateIndex
CREATE UNIQUE INDEX "Affiliation_requestId_key" ON "Affiliation"("requestId");

-- CreateIndex
CREATE INDEX "Affiliation_affiliateId_idx" ON "Affiliation"("affiliateId");

-- CreateIndex
CREATE INDEX "CategoryPeriod_affiliationId_fromOn_idx" ON "CategoryPeriod"("affiliationId", "fromOn");

-- CreateIndex
CREATE INDEX "HelpingSpouseLink_selfEmployedId_idx" ON "HelpingSpouseLink"("selfEmployedId");

-- CreateIndex
CREATE UNIQUE INDEX "HelpingSpouseLink_spouseId_selfEmployedId_fromOn_key" ON "HelpingSpouseLink"("spouseId", "selfEmployedId", "fromOn");

-- CreateIndex
CREATE INDEX "CompanyDirector_personId_idx" ON "CompanyDirector"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "CompanyDirector_companyId_personId_fromOn_key" ON "CompanyDirector"("companyId", "personId", "fromOn");

-- CreateIndex
CREATE UNIQUE INDEX "CompanyBalanceSheet_companyId_year_key" ON "CompanyBalanceSheet"("companyId", "year");

-- CreateIndex
CREATE INDEX "Birth_personId_idx" ON "Birth"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "IncomeRecord_personId_year_key" ON "IncomeRecord"("personId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "LegalParameter_year_key_key" ON "LegalParameter"("year", "key");

-- CreateIndex
CREATE INDEX "LegalParameterChange_parameterId_idx" ON "LegalParameterChange"("parameterId");

-- CreateIndex
CREATE UNIQUE INDEX "ContributionCall_structuredCommunication_key" ON "ContributionCall"("structuredCommunication");

-- CreateIndex
CREATE INDEX "ContributionCall_year_quarter_idx" ON "ContributionCall"("year", "quarter");

-- CreateIndex
CREATE INDEX "ContributionCall_dueOn_idx" ON "ContributionCall"("dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "ContributionCall_affiliateId_year_quarter_kind_key" ON "ContributionCall"("affiliateId", "year", "quarter", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_uniqueKey_key" ON "LedgerEntry"("uniqueKey");

-- CreateIndex
CREATE INDEX "LedgerEntry_affiliateId_bookedOn_idx" ON "LedgerEntry"("affiliateId", "bookedOn");

-- CreateIndex
CREATE INDEX "LedgerEntry_callId_idx" ON "LedgerEntry"("callId");

-- CreateIndex
CREATE INDEX "PaymentAllocation_paymentEntryId_idx" ON "PaymentAllocation"("paymentEntryId");

-- CreateIndex
CREATE INDEX "PaymentAllocation_targetEntryId_idx" ON "PaymentAllocation"("targetEntryId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_bankReference_key" ON "Payment"("bankReference");

-- CreateIndex
CREATE INDEX "Payment_status_valueOn_idx" ON "Payment"("status", "valueOn");

-- CreateIndex
CREATE INDEX "Payment_counterpartyIban_idx" ON "Payment"("counterpartyIban");

-- CreateIndex
CREATE UNIQUE INDEX "BankStatement_fileSha256_key" ON "BankStatement"("fileSha256");

-- CreateIndex
CREATE UNIQUE INDEX "BankStatement_accountIban_sequence_statementOn_key" ON "BankStatement"("accountIban", "sequence", "statementOn");

-- CreateIndex
CREATE UNIQUE INDEX "DirectDebitMandate_reference_key" ON "DirectDebitMandate"("reference");

-- CreateIndex
CREATE INDEX "DirectDebitMandate_affiliateId_idx" ON "DirectDebitMandate"("affiliateId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentPlan_requestId_key" ON "PaymentPlan"("requestId");

-- CreateIndex
CREATE INDEX "PaymentPlan_affiliateId_status_idx" ON "PaymentPlan"("affiliateId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Instalment_structuredCommunication_key" ON "Instalment"("structuredCommunication");

-- CreateIndex
CREATE UNIQUE INDEX "Instalment_planId_seq_key" ON "Instalment"("planId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Request_reference_key" ON "Request"("reference");

-- CreateIndex
CREATE INDEX "Request_affiliateId_filedOn_idx" ON "Request"("affiliateId", "filedOn");

-- CreateIndex
CREATE INDEX "Request_status_decisionDueOn_idx" ON "Request"("status", "decisionDueOn");

-- CreateIndex
CREATE INDEX "Request_assigneeId_status_idx" ON "Request"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "RequestEvent_requestId_at_idx" ON "RequestEvent"("requestId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "BenefitClaim_requestId_key" ON "BenefitClaim"("requestId");

-- CreateIndex
CREATE INDEX "BenefitClaim_affiliateId_idx" ON "BenefitClaim"("affiliateId");

-- CreateIndex
CREATE INDEX "BenefitClaim_status_paymentDueOn_idx" ON "BenefitClaim"("status", "paymentDueOn");

-- CreateIndex
CREATE INDEX "BenefitPayment_claimId_idx" ON "BenefitPayment"("claimId");

-- CreateIndex
CREATE INDEX "RecoveryCase_affiliateId_idx" ON "RecoveryCase"("affiliateId");

-- CreateIndex
CREATE INDEX "RecoveryCase_status_currentStep_idx" ON "RecoveryCase"("status", "currentStep");

-- CreateIndex
CREATE INDEX "RecoveryStep_caseId_on_idx" ON "RecoveryStep"("caseId", "on");

-- CreateIndex
CREATE UNIQUE INDEX "Document_uniqueKey_key" ON "Document"("uniqueKey");

-- CreateIndex
CREATE INDEX "Document_affiliateId_createdAt_idx" ON "Document"("affiliateId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MessageThread_requestId_key" ON "MessageThread"("requestId");

-- CreateIndex
CREATE INDEX "MessageThread_affiliateId_idx" ON "MessageThread"("affiliateId");

-- CreateIndex
CREATE INDEX "MessageThread_status_answerDueOn_idx" ON "MessageThread"("status", "answerDueOn");

-- CreateIndex
CREATE INDEX "Message_threadId_createdAt_idx" ON "Message"("threadId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_at_idx" ON "AuditLog"("entity", "entityId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- CreateIndex
CREATE INDEX "JobRun_job_startedAt_idx" ON "JobRun"("job", "startedAt");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_affiliateId_fkey" FOREIGN KEY ("affiliateId") REFERENCES "Affiliate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Affiliate" ADD CONSTRAINT "Affiliate_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Affiliate" ADD CONSTRAINT "Affiliate_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Affiliate" ADD CONSTRAINT "Affiliate_advisorId_fkey" FOREIGN KEY ("advisorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Affiliation" ADD CONSTRAINT "Affiliation_affiliateId_fkey" FOREIGN KEY ("affiliateId") REFERENCES "Affiliate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Affiliation" ADD CONSTRAINT "Affiliation_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CategoryPeriod" ADD CONSTRAINT "CategoryPeriod_affiliationId_fkey" FOREIGN KEY ("affiliationId") REFERENCES "Affiliation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpingSpouseLink" ADD CONSTRAINT "HelpingSpouseLink_spouseId_fkey" FOREIGN KEY ("spouseId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpingSpouseLink" ADD CONSTRAINT "HelpingSpouseLink_selfEmployedId_fkey" FOREIGN KEY ("selfEmployedId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyDirector" ADD CONSTRAINT "CompanyDirector_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyDirector" ADD CONSTRAINT "CompanyDirector_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyBalanceSheet" ADD CONSTRAINT "CompanyBalanceSheet_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Birth" ADD CONSTRAINT "Birth_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalParameterChange" ADD CONSTRAINT "LegalParameterChange_parameterId_fkey" FOREIGN KEY ("parameterId") REFERENCES "LegalParameter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalParameterChange" ADD CONSTRAINT "LegalParameterChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContributionCall" ADD CONSTRAINT "ContributionCall_affiliateId_fkey" FOREIGN KEY ("affiliateId") REFERENCES "Affiliate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_affiliateId_fkey" FOREIGN KEY ("affiliateId") REFERENCES "Affiliate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_callId_fkey" FOREIGN KEY ("callId") REFERENCES "ContributionCall"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentAllocation" ADD CONSTRAINT "PaymentAllocation_paymentEntryId_fkey" FOREIGN KEY ("paymentEntryId") REFERENCES "LedgerEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentAllocation" ADD CONSTRAINT "PaymentAllocation_targetEntryId_fkey" FOREIGN KEY ("targetEntryId") REFERENCES "LedgerEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_affiliateId_fkey" FOREIGN KEY ("affiliateId") REFERENCES "Affiliate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectDebitMandate" ADD CONSTRAINT "DirectDebitMandate_affiliateId_fkey" FOREIGN KEY ("affiliateId") REFERENCES "Affiliate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentPlan" ADD CONSTRAINT "PaymentPlan_affiliateId_fkey" FOREIGN KEY ("affiliateId") REFERENCES "Affiliate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentPlan" ADD CONSTRAINT "PaymentPlan_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Instalment" ADD CONSTRAINT "Instalment_planId_fkey" FOREIGN KEY ("planId") REFERENCES "PaymentPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_affiliateId_fkey" FOREIGN KEY ("affiliateId") REFERENCES "Affiliate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenefitClaim" ADD CONSTRAINT "BenefitClaim_affiliateId_fkey" FOREIGN KEY ("affiliateId") REFERENCES "Affiliate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenefitClaim" ADD CONSTRAINT "BenefitClaim_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenefitPayment" ADD CONSTRAINT "BenefitPayment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "BenefitClaim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryCase" ADD CONSTRAINT "RecoveryCase_affiliateId_fkey" FOREIGN KEY ("affiliateId") REFERENCES "Affiliate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryStep" ADD CONSTRAINT "RecoveryStep_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "RecoveryCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryStep" ADD CONSTRAINT "RecoveryStep_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_affiliateId_fkey" FOREIGN KEY ("affiliateId") REFERENCES "Affiliate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageThread" ADD CONSTRAINT "MessageThread_affiliateId_fkey" FOREIGN KEY ("affiliateId") REFERENCES "Affiliate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageThread" ADD CONSTRAINT "MessageThread_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "MessageThread"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobRun" ADD CONSTRAINT "JobRun_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
