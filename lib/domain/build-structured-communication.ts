// Belgian structured communication (OGM/VCS, Febelfin banking standards): 10 digits + (10 digits mod 97, 0 written 97), printed +++ddd/dddd/ddddd+++.
import { DomainError } from "./errors";

function checkDigits(tenDigits: string): string {
  return String(Number(tenDigits) % 97 || 97).padStart(2, "0");
}

function format12(digits: string): string {
  return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}+++`;
}

/** '+++ddd/dddd/ddddd+++' from 10 digits; throws DomainError 'structuredCommunication.invalidBase' otherwise. */
export function structuredCommunication(tenDigits: string): string {
  if (!/^\d{10}$/.test(tenDigits)) throw new DomainError("structuredCommunication.invalidBase", { value: tenDigits });
  return format12(tenDigits + checkDigits(tenDigits));
}

/**
 * The 12 digits of a printed communication: accepts '+++…+++', '***…***', slashes, spaces, dots and dashes;
 * null when the form is not recognised (no checksum test).
 */
export function normalizeStructuredCommunication(value: string): string | null {
  let s = value.trim();
  const wrapped = /^(\+{3}|\*{3})(.*)\1$/.exec(s);
  if (wrapped) s = wrapped[2];
  s = s.replace(/[\s/.-]/g, "");
  return /^\d{12}$/.test(s) ? s : null;
}

export function isValidStructuredCommunication(value: string): boolean {
  const d = normalizeStructuredCommunication(value);
  return d !== null && checkDigits(d.slice(0, 10)) === d.slice(10);
}

/** Canonical '+++ddd/dddd/ddddd+++'; null when invalid. */
export function formatStructuredCommunication(value: string): string | null {
  const d = normalizeStructuredCommunication(value);
  return d !== null && isValidStructuredCommunication(d) ? format12(d) : null;
}
