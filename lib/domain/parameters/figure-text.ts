// A legal figure as staff type it and read it: euros for amounts, a percentage for rates, a whole number for counts,
// a decimal for ratios (over the figure's own denominator) — never cents or basis points. Exact: integer arithmetic
// on the digits, and a value that does not fit the unit exactly is refused rather than rounded.
import { parseEurosStrict } from "../parse-euros";
import type { FigureUnit } from "./types";

export type FigureParse = { ok: true; value: bigint } | { ok: false; code: "amountEmpty" | "amountInvalid" | "amountAmbiguous" | "amountTooLarge" | "percentInvalid" | "countInvalid" | "ratioInvalid" };

/** Reads "12,5" or "12.5 %" as basis points (1250); at most two decimals, 0–100 %. */
function percentToBp(text: string): bigint | null {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%?$/.exec(text.trim());
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return bp <= 10_000 ? BigInt(bp) : null;
}

/** Reads a decimal ratio ("1,041789") as the numerator over `denominator`, only if it is exact. */
function ratioToNumerator(text: string, denominator: bigint): bigint | null {
  const m = /^(\d{1,6})(?:[.,](\d{1,12}))?$/.exec(text.trim());
  if (!m || denominator <= 0n) return null;
  const decimals = m[2] ?? "";
  const scale = 10n ** BigInt(decimals.length);
  const scaled = BigInt(m[1]) * scale + BigInt(decimals || "0");
  return (scaled * denominator) % scale === 0n ? (scaled * denominator) / scale : null;
}

/** The stored integer of a figure typed by staff in the figure's unit. */
export function figureFromText(unit: FigureUnit, text: string, denominator: bigint | null = null): FigureParse {
  if (unit === "cents") {
    const r = parseEurosStrict(text);
    return r.ok ? { ok: true, value: BigInt(r.cents) } : r;
  }
  if (unit === "bp") {
    const bp = percentToBp(text);
    return bp === null ? { ok: false, code: "percentInvalid" } : { ok: true, value: bp };
  }
  if (unit === "count") return /^\s*\d{1,9}\s*$/.test(text) ? { ok: true, value: BigInt(text.trim()) } : { ok: false, code: "countInvalid" };
  const n = ratioToNumerator(text, denominator ?? 0n);
  return n === null ? { ok: false, code: "ratioInvalid" } : { ok: true, value: n };
}
