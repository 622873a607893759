// National register number (AR 8-2-1991; IBZ IT000) and BIS number (KSZ/BCSS, month +20/+40): mod 97 check, "2" prefix for births from 2000.
import { daysInMonth, formatIsoDate, type IsoDate } from "./dates";

export type NissKind = "national" | "bis";
export type Sex = "M" | "F";

export interface ParsedNiss {
  digits: string;
  kind: NissKind;
  /** Null when the birth date is unknown or only partly known (month/day 00, day counter overflow). */
  birthDate: IsoDate | null;
  /** Null when even the year is unknown (fictitious 00.00.01 date). */
  birthYear: number | null;
  /** Null for BIS numbers issued with unknown sex (month +20). */
  sex: Sex | null;
}

/** Strips the usual separators (spaces, dots, dashes); null when anything else than 11 digits remains. */
export function normalizeNiss(value: string): string | null {
  const digits = value.replace(/[\s.-]/g, "");
  return /^\d{11}$/.test(digits) ? digits : null;
}

/** 'YY.MM.DD-SSS.CC'; null when not 11 digits. */
export function formatNiss(value: string): string | null {
  const d = normalizeNiss(value);
  return d === null ? null : `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-${d.slice(6, 9)}.${d.slice(9)}`;
}

/** Parses and validates a NISS (national or BIS number); null when invalid. */
export function parseNiss(value: string): ParsedNiss | null {
  const digits = normalizeNiss(value);
  if (digits === null || /^0+$/.test(digits)) return null;
  const base9 = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  let century: number;
  if (97 - (base9 % 97) === check) century = 1900;
  else if (97 - ((2_000_000_000 + base9) % 97) === check) century = 2000;
  else return null;

  const rawMonth = Number(digits.slice(2, 4));
  let kind: NissKind;
  let month: number;
  let sexKnown = true;
  if (rawMonth <= 12) {
    kind = "national";
    month = rawMonth;
  } else if (rawMonth >= 20 && rawMonth <= 32) {
    kind = "bis";
    month = rawMonth - 20;
    sexKnown = false;
  } else if (rawMonth >= 40 && rawMonth <= 52) {
    kind = "bis";
    month = rawMonth - 40;
  } else {
    return null;
  }
  const yearUnknown = digits.slice(0, 2) === "00" && month === 0 && digits.slice(4, 6) === "01";
  const birthYear = yearUnknown ? null : century + Number(digits.slice(0, 2));
  const day = Number(digits.slice(4, 6));
  const birthDate =
    birthYear !== null && month > 0 && day > 0 && day <= daysInMonth(birthYear, month)
      ? formatIsoDate(birthYear, month, day)
      : null;
  const sex: Sex | null = sexKnown ? (Number(digits.slice(6, 9)) % 2 === 1 ? "M" : "F") : null;
  return { digits, kind, birthDate, birthYear, sex };
}

/** National register number or BIS number. */
export function isValidNiss(value: string): boolean {
  return parseNiss(value) !== null;
}

export function isValidNationalNumber(value: string): boolean {
  return parseNiss(value)?.kind === "national";
}

export function isValidBisNumber(value: string): boolean {
  return parseNiss(value)?.kind === "bis";
}
