// Money rules of the portal (docs/design.md §4 "Money"): integer cents, rates in basis points, one rounding rule.

/** Basis points per unit: 10 000 bp = 100 %. */
export const BP_PER_UNIT = 10_000;

/**
 * The single rounding rule of the domain: the exact quantity `numerator / denominator` (in cents)
 * is rounded to the nearest whole cent, halves rounded AWAY FROM ZERO (commercial rounding, the
 * rule the funds' published figures reproduce: 871,705 -> 871,71; -0,005 -> -0,01).
 * Computed with BigInt so no intermediate float ever touches money.
 */
export function roundToCents(numerator: number | bigint, denominator: number | bigint = 1): number {
  let n = BigInt(numerator);
  let d = BigInt(denominator);
  if (d === 0n) throw new RangeError("roundToCents: zero denominator");
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = abs / d;
  const r = abs % d;
  const rounded = r * 2n >= d ? q + 1n : q;
  return Number(negative ? -rounded : rounded);
}

/** amountCents × rateBp / 10 000, rounded by {@link roundToCents}. */
export function applyBp(amountCents: number, rateBp: number): number {
  return roundToCents(BigInt(amountCents) * BigInt(rateBp), BP_PER_UNIT);
}

/** An exact rational coefficient (e.g. 656,54 / 553,21), integers only. */
export interface Ratio {
  numerator: number;
  denominator: number;
}

/** amountCents × ratio, rounded by {@link roundToCents}. */
export function applyRatio(amountCents: number, ratio: Ratio): number {
  return roundToCents(BigInt(amountCents) * BigInt(ratio.numerator), ratio.denominator);
}

/** Throws unless the value is a safe integer (cents, bp, counts). */
export function assertInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer, got ${value}`);
}
