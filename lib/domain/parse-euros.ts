// Euro amounts as a person types them in Belgium, to integer cents: the one parser of the portal (forms, search
// boxes, the regularisation file). Integer arithmetic only: the digits are read as text, never through a float.
//
// Accepted: "1234", "1234,56", "1.234,56", "1 234,56" (ordinary, no-break or narrow no-break spaces), "1234.5"
// (a dot followed by one or two digits is a decimal point, as typed on a numeric keypad), an optional "€" or
// "EUR" before or after. Refused as AMBIGUOUS: one separator followed by exactly three digits ("1.234",
// "1,234" — a thousands group or three decimals?) and a comma used for thousands ("1,234.56"). Refused as
// INVALID: anything else (letters, signs, three decimals, misplaced groups, two decimal separators).

/** The largest amount any form takes: ten million euros. */
export const MAX_TYPED_EUROS_CENTS = 1_000_000_000;

export type EuroParse =
  | { ok: true; cents: number }
  | { ok: false; code: "amountEmpty" | "amountInvalid" | "amountAmbiguous" | "amountTooLarge" };

const SPACES = /[\s\u00a0\u202f]/g;

export function parseEurosStrict(text: string): EuroParse {
  const s = text.replace(SPACES, "").replace(/^(?:€|EUR)|(?:€|EUR)$/i, "");
  if (s === "") return { ok: false, code: "amountEmpty" };
  let whole: string;
  let decimals = "";
  let m: RegExpExecArray | null;
  if ((m = /^(\d+)(?:,(\d{1,2}))?$/.exec(s))) [whole, decimals] = [m[1], m[2] ?? ""];
  // grouped thousands with dots (or spaces, already removed), optional decimal comma
  else if ((m = /^(\d{1,3}(?:\.\d{3})+),(\d{1,2})$/.exec(s))) [whole, decimals] = [m[1].replace(/\./g, ""), m[2]];
  else if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(s)) whole = s.replace(/\./g, "");
  else if (/^\d+[.,]\d{3}$/.test(s) || /^\d{1,3}(?:,\d{3})+\.\d{1,2}$/.test(s) || /^\d{1,3}(?:,\d{3}){2,}$/.test(s)) return { ok: false, code: "amountAmbiguous" };
  // a decimal point typed on a keypad
  else if ((m = /^(\d+)\.(\d{1,2})$/.exec(s))) [whole, decimals] = [m[1], m[2]];
  else return { ok: false, code: "amountInvalid" };
  const digits = whole.replace(/^0+(?=\d)/, "");
  if (digits.length > 8) return { ok: false, code: "amountTooLarge" };
  const cents = Number(digits) * 100 + Number(decimals.padEnd(2, "0"));
  if (cents > MAX_TYPED_EUROS_CENTS) return { ok: false, code: "amountTooLarge" };
  return { ok: true, cents };
}

/** {@link parseEurosStrict} for callers that only need the amount: integer cents, or null when refused. */
export function parseEuros(text: string): number | null {
  const r = parseEurosStrict(text);
  return r.ok ? r.cents : null;
}
