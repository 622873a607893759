// What an advisor typed in the search box: an identifier (national number, enterprise number, structured
// communication, IBAN, member number) or a name.

import { normalizeIban } from "./validate-iban";
import { normalizeStructuredCommunication } from "./build-structured-communication";

export type SearchQuery =
  | { kind: "niss"; value: string }
  | { kind: "enterprise"; value: string; digits: string }
  | { kind: "communication"; value: string }
  | { kind: "iban"; value: string }
  | { kind: "name"; value: string };

export function classifySearch(raw: string): SearchQuery | null {
  const query = raw.trim();
  if (query.length < 2) return null;
  const compact = query.replace(/[\s./+-]/g, "");
  if (/^\d{11}$/.test(compact)) return { kind: "niss", value: compact };
  if (/^(BE)?\d{9,10}$/i.test(compact)) return { kind: "enterprise", value: compact.replace(/^BE/i, "").padStart(10, "0"), digits: compact };
  const communication = normalizeStructuredCommunication(query);
  if (communication) return { kind: "communication", value: communication };
  const iban = normalizeIban(query);
  if (/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return { kind: "iban", value: iban };
  return { kind: "name", value: query.slice(0, 100) };
}
