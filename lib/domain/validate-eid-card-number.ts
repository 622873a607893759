// Belgian eID card number (not the national number): 10 digits + check digits = first 10 digits mod 97 (0 written 97).

/** Strips spaces, dots and dashes; null unless 12 digits remain. */
export function normalizeEidCardNumber(value: string): string | null {
  const d = value.replace(/[\s.-]/g, "");
  return /^\d{12}$/.test(d) ? d : null;
}

export function isValidEidCardNumber(value: string): boolean {
  const d = normalizeEidCardNumber(value);
  return d !== null && (Number(d.slice(0, 10)) % 97 || 97) === Number(d.slice(10));
}
