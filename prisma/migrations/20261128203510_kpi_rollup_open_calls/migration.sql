-- Dashboards at national scale: the dashboards read KpiRollup (KpiFact summed over advisors)
-- unless an advisor is chosen (then KpiFact through its advisor index); the collection_rate / debt_over_1y
-- drill-downs and the debt snapshot read KpiOpenCall instead of summing the ledger. Both are kept by the
-- incremental refresh (lib/kpi/refresh.ts); the first refresh after this migration is a full one (KPI_MODEL_VERSION).

-- CreateTable
CREATE TABLE "KpiRollup" (
    "indicator" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "category" TEXT NOT NULL DEFAULT '',
    "requestType" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 0,
    "numerator" BIGINT NOT NULL DEFAULT 0,
    "denominator" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "KpiRollup_pkey" PRIMARY KEY ("indicator","month","category","requestType")
);

-- CreateTable
CREATE TABLE "KpiOpenCall" (
    "callId" TEXT NOT NULL,
    "affiliateId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "calledCents" BIGINT NOT NULL,
    "settledCents" BIGINT NOT NULL,
    "outstandingCents" BIGINT NOT NULL,

    CONSTRAINT "KpiOpenCall_pkey" PRIMARY KEY ("callId")
);

-- CreateIndex
CREATE INDEX "KpiOpenCall_dueOn_outstandingCents_idx" ON "KpiOpenCall"("dueOn", "outstandingCents" DESC);

-- CreateIndex
CREATE INDEX "KpiOpenCall_outstandingCents_idx" ON "KpiOpenCall"("outstandingCents" DESC);

-- CreateIndex
CREATE INDEX "KpiFact_advisorId_indicator_month_idx" ON "KpiFact"("advisorId", "indicator", "month");

-- the facts already computed stay visible until that refresh
INSERT INTO "KpiRollup" ("indicator", "month", "category", "requestType", "count", "numerator", "denominator")
SELECT "indicator", "month", "category", "requestType", sum("count")::int, sum("numerator"), sum("denominator")
  FROM "KpiFact" GROUP BY 1, 2, 3, 4;
