// Belgian IBAN (ISO 13616 mod 97 + national mod 97 check of the BBAN) and BIC from the National Bank's bank-code list.
// Validity rests on the check digits only: a bank code missing from the list (the list lags new banks) is accepted,
// with no BIC (docs/decisions/0027).
import { BE_BANK_CODES } from "./data/be-bank-codes";

/** ISO 7064 MOD 97-10 remainder of an alphanumeric string (letters A=10 … Z=35). */
export function mod97(alphanumeric: string): number {
  let remainder = 0;
  for (const ch of alphanumeric) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/** Upper case, without spaces, dashes or dots. */
export function normalizeIban(value: string): string {
  return value.toUpperCase().replace(/[\s.-]/g, "");
}

export interface BelgianBank {
  bankCode: string;
  /** null when the code has no BIC in the list, or is not in the list at all */
  bic: string | null;
  /** null when the code is not in the NBB list (yet) */
  name: string | null;
}

function bankOf(bankCode: string): BelgianBank {
  const code = Number(bankCode);
  const range = BE_BANK_CODES.find(([from, to]) => code >= from && code <= to);
  return range === undefined ? { bankCode, bic: null, name: null } : { bankCode, bic: range[2], name: range[3] };
}

function nationalCheckOk(bban: string): boolean {
  const expected = Number(bban.slice(0, 10)) % 97 || 97;
  return expected === Number(bban.slice(10));
}

/** 'BE' + 14 digits, IBAN check = 1, national check digits right (00 written 97). The bank code need not be in
 *  the NBB list: a new bank's code is missing from it for a while, and its accounts are real. */
export function isValidBelgianIban(value: string): boolean {
  const iban = normalizeIban(value);
  if (!/^BE\d{14}$/.test(iban)) return false;
  const bban = iban.slice(4);
  return mod97(bban + iban.slice(0, 4)) === 1 && nationalCheckOk(bban);
}

/** The bank of a valid Belgian IBAN (BIC null when the code has none or is not in the NBB list yet); null when invalid. */
export function bankForIban(value: string): BelgianBank | null {
  return isValidBelgianIban(value) ? bankOf(normalizeIban(value).slice(4, 7)) : null;
}

export function bicForIban(value: string): string | null {
  return bankForIban(value)?.bic ?? null;
}

/** 'BE32 1234 5678 9002'; null when invalid. */
export function formatIban(value: string): string | null {
  if (!isValidBelgianIban(value)) return null;
  return normalizeIban(value).replace(/(.{4})(?=.)/g, "$1 ");
}

/** IBAN of a 12-digit Belgian account number (BBAN, separators allowed); null when the BBAN is not valid. */
export function belgianIbanFromBban(bban: string): string | null {
  const digits = bban.replace(/[\s.-]/g, "");
  if (!/^\d{12}$/.test(digits)) return null;
  const check = String(98 - mod97(`${digits}BE00`)).padStart(2, "0");
  const iban = `BE${check}${digits}`;
  return isValidBelgianIban(iban) ? iban : null;
}
