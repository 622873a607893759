// "Explain my amount": breakdown lines are data (message key + params), rendered in each language by the UI. This
// is the one type of a call's explanation, from the computation to the page.

export type BreakdownParam = number | string;

export interface BreakdownLine {
  /** Stable message key, e.g. 'contribution.band1'. Never human text. */
  code: string;
  params: Record<string, BreakdownParam>;
  amountCents?: number;
}

export function line(code: string, params: Record<string, BreakdownParam> = {}, amountCents?: number): BreakdownLine {
  return amountCents === undefined ? { code, params } : { code, params, amountCents };
}

/** The breakdown stored with a call (JSON), read back as lines; anything that is not a line is dropped. */
export function asBreakdownLines(value: unknown): BreakdownLine[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (l): l is BreakdownLine => typeof l === "object" && l !== null && typeof (l as BreakdownLine).code === "string" && typeof ((l as BreakdownLine).params ?? {}) === "object",
  ).map((l) => line(l.code, l.params ?? {}, typeof l.amountCents === "number" ? l.amountCents : undefined));
}
