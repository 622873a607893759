// Enterprise number BCE/KBO (law 16-1-2003 and AR 22-6-2003): 10 digits starting with 0 or 1, check = 97 − (first 8 digits mod 97).

/**
 * Accepts '0403.019.261', '0403 019 261', 'BE0403019261', 'BE 403.019.261' (old 9-digit form), '(0)403019261'.
 * Returns the 10 digits, or null when the form is not recognised (no checksum test).
 */
export function normalizeEnterpriseNumber(value: string): string | null {
  let s = value.toUpperCase().replace(/[\s./-]/g, "");
  if (s.startsWith("BE")) s = s.slice(2);
  if (s.startsWith("(0)")) s = `0${s.slice(3)}`;
  if (/^\d{9}$/.test(s)) s = `0${s}`;
  return /^\d{10}$/.test(s) ? s : null;
}

export function isValidEnterpriseNumber(value: string): boolean {
  const d = normalizeEnterpriseNumber(value);
  if (d === null || /^0+$/.test(d) || !/^[01]/.test(d)) return false;
  return 97 - (Number(d.slice(0, 8)) % 97) === Number(d.slice(8));
}

/** '0403.019.261'; null when invalid. */
export function formatEnterpriseNumber(value: string): string | null {
  const d = normalizeEnterpriseNumber(value);
  if (d === null || !isValidEnterpriseNumber(d)) return null;
  return `${d.slice(0, 4)}.${d.slice(4, 7)}.${d.slice(7)}`;
}
