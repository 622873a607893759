// The service commitment's promises as measurable indicators, kept as data (no Prisma, no Next, no clock).
// Each promise of speed, timeliness or proactivity in the fund's "Engagement de service" (docs/domain.md §11)
// becomes one indicator; the label/description keys live in lib/i18n/messages/{fr,nl}/dashboards.json (kpi_ind).
export type KpiUnit = "permille" | "days" | "count" | "cents";
export type KpiDirection = "higher" | "lower";

export type IndicatorDef = {
  id: string;
  unit: KpiUnit;
  /** higher: on track when value ≥ target; lower: on track when value ≤ target */
  direction: KpiDirection;
  /** default target in the unit (per mille for shares, days, count or cents), until a manager sets one */
  defaultTarget: number;
  /** the promise it measures (section of the service commitment) */
  commitment: string;
  /** shown on the public /performance page (aggregated, no personal data) */
  isPublic: boolean;
  /** which dimensions are meaningful for filtering */
  dimensions: readonly ("category" | "advisor" | "requestType")[];
};

export const INDICATORS = [
  { id: "affiliation_days", unit: "days", direction: "lower", defaultTarget: 15, commitment: "affiliation", isPublic: true, dimensions: ["category", "advisor"] },
  { id: "answer_45d", unit: "permille", direction: "higher", defaultTarget: 950, commitment: "answers", isPublic: true, dimensions: ["category", "advisor", "requestType"] },
  { id: "decision_4m", unit: "permille", direction: "higher", defaultTarget: 950, commitment: "decisions", isPublic: true, dimensions: ["category", "advisor", "requestType"] },
  { id: "benefit_paid_4m", unit: "permille", direction: "higher", defaultTarget: 980, commitment: "benefits", isPublic: true, dimensions: ["category", "advisor", "requestType"] },
  { id: "benefit_interest", unit: "permille", direction: "higher", defaultTarget: 1000, commitment: "benefits", isPublic: false, dimensions: ["category", "advisor", "requestType"] },
  { id: "benefit_automatic", unit: "permille", direction: "higher", defaultTarget: 500, commitment: "automatic", isPublic: true, dimensions: ["category", "advisor", "requestType"] },
  { id: "calls_on_time", unit: "permille", direction: "higher", defaultTarget: 1000, commitment: "calls", isPublic: true, dimensions: ["category"] },
  { id: "regularisations_on_time", unit: "permille", direction: "higher", defaultTarget: 1000, commitment: "calls", isPublic: true, dimensions: ["category"] },
  { id: "warned_before_judicial", unit: "permille", direction: "higher", defaultTarget: 1000, commitment: "recovery", isPublic: true, dimensions: ["category", "advisor"] },
  { id: "contact_before_judicial", unit: "permille", direction: "higher", defaultTarget: 1000, commitment: "recovery", isPublic: true, dimensions: ["category", "advisor"] },
  { id: "collection_rate", unit: "permille", direction: "higher", defaultTarget: 900, commitment: "collection", isPublic: true, dimensions: ["category"] },
  { id: "debt_over_1y", unit: "permille", direction: "lower", defaultTarget: 200, commitment: "collection", isPublic: false, dimensions: ["category"] },
  { id: "mutuality_on_time", unit: "permille", direction: "higher", defaultTarget: 1000, commitment: "transmissions", isPublic: false, dimensions: [] },
  { id: "inasti_on_time", unit: "permille", direction: "higher", defaultTarget: 1000, commitment: "transmissions", isPublic: false, dimensions: [] },
  { id: "requests_filed", unit: "count", direction: "higher", defaultTarget: 0, commitment: "volume", isPublic: false, dimensions: ["category", "requestType"] },
  { id: "advisor_resolved", unit: "count", direction: "higher", defaultTarget: 0, commitment: "workload", isPublic: false, dimensions: ["advisor", "requestType"] },
] as const satisfies readonly IndicatorDef[];

export type IndicatorId = (typeof INDICATORS)[number]["id"];
export const INDICATOR_IDS = INDICATORS.map((i) => i.id) as IndicatorId[];

export function indicatorDef(id: string): IndicatorDef | undefined {
  return (INDICATORS as readonly IndicatorDef[]).find((i) => i.id === id);
}

/** Internal facts (not shown as indicators) that back the "requests per type and outcome" table. */
export const OUTCOME_FACT_PREFIX = "outcome:";
