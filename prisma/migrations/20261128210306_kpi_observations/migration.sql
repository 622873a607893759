-- Drill-downs at national scale: the request, benefit and recovery drill-downs read the observations
-- the refresh keeps (lib/kpi/refresh.ts, KPI_MODEL_VERSION 3: the first refresh after this migration is a full one).

-- CreateTable
CREATE TABLE "KpiObservation" (
    "id" BIGSERIAL NOT NULL,
    "indicator" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "category" TEXT NOT NULL DEFAULT '',
    "advisorId" TEXT NOT NULL DEFAULT '',
    "requestType" TEXT NOT NULL DEFAULT '',
    "affiliateId" TEXT,
    "recordId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "on" DATE NOT NULL,
    "ok" BOOLEAN,
    "value" INTEGER,

    CONSTRAINT "KpiObservation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KpiObservation_indicator_month_idx" ON "KpiObservation"("indicator", "month");
