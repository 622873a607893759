// "Explain my amount" (issue 2 §10): breakdown lines are data (message key + params), rendered in FR/NL by the UI.

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
