// Request references ("D-2026-000123") and the structured communications of a plan's instalments.
import { structuredCommunication } from "./build-structured-communication";

/** Request reference shown to the affiliate: 'D-YYYY-NNNNNN'. */
export function formatRequestReference(year: number, serial: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new Error("reference: bad year");
  if (!Number.isInteger(serial) || serial < 1 || serial > 999_999) throw new Error("reference: serial out of range");
  return `D-${year}-${String(serial).padStart(6, "0")}`;
}

export function parseRequestReference(reference: string): { year: number; serial: number } | null {
  const m = /^D-(\d{4})-(\d{6})$/.exec(reference);
  return m ? { year: Number(m[1]), serial: Number(m[2]) } : null;
}

/**
 * The 12 digits of the structured communication of a self-service plan instalment: prefix 8 (calls use the
 * year, seeded plans 9), last digit of the year, the 6-digit request serial, the 2-digit instalment number.
 */
export function instalmentCommunication(reference: string, seq: number): string {
  const r = parseRequestReference(reference);
  if (!r || !Number.isInteger(seq) || seq < 0 || seq > 99) throw new Error("instalment communication: bad input");
  const ten = `8${r.year % 10}${String(r.serial).padStart(6, "0")}${String(seq).padStart(2, "0")}`;
  return structuredCommunication(ten).replace(/\D/g, "");
}
