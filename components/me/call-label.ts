// How a call is named in the request forms: "T3 2026", "Régularisation 2024", "Cotisation des sociétés 2026".
type T = (key: string, values?: Record<string, string | number>) => string;
export function callPeriodLabel(t: T, c: { kind: string; year: number; quarter: number }): string {
  if (c.kind === "REGULARISATION") return t("regularisation", { year: c.year });
  if (c.kind === "COMPANY") return t("company", { year: c.year });
  return t("quarter", { year: c.year, quarter: c.quarter });
}
