// Febelfin CODA 2 reader (docs/formats.md §1): fixed 128-character records, one or more statements per file, strict
// checks (record length, version, record order, balances, trailer count and totals, same account in records 1
// and 8 — a warning only, see CodaStatement.warnings). A file that fails any check is rejected WHOLE with the record number (1-based) and a reason code.
// Amounts are kept as integer thousandths (never floats).
// Real-world variants the other readers accept are accepted too (docs/formats.md §1.7): UTF-8 as well as Latin-1,
// a trailer whose trailing blanks were cut, a trailer count with or without the record-4 lines.
import { belgianIbanFromBban, normalizeIban } from "@/lib/domain";
import { decodeCoda, splitRecords } from "./decode";

export { codaEncoding, decodeCoda, splitRecords } from "./decode";

export class CodaError extends Error {
  constructor(
    public readonly code: string,
    public readonly record: number,
    public readonly params: Record<string, string | number> = {},
  ) {
    super(`${code} (record ${record})`);
    this.name = "CodaError";
  }
}

export interface CodaMovement {
  record: number;
  sequence: string;
  detail: string;
  bankReference: string;
  /** signed thousandths: credit positive, debit negative */
  amountMilli: bigint;
  valueOn: string | null;
  entryOn: string | null;
  transactionCode: string; // 8 digits T FF TT CCC
  /** structured communication type ('101', '127'…) or null for free text */
  structuredType: string | null;
  /** For 101/102: the 12 digits; for other types the raw structured content; free text otherwise. */
  communication: string;
  /** Full 127 (SEPA direct debit) content, 146 chars, when present. */
  sddContent: string | null;
  endToEndId: string;
  counterpartyBic: string;
  rType: string; // '' or 1-5
  rReason: string;
  counterpartyAccount: string;
  counterpartyName: string;
  globalisation: string;
}

export interface CodaStatement {
  firstRecord: number;
  createdOn: string | null;
  bankId: string;
  accountStructure: string;
  account: string;
  currency: string;
  sequence: number;
  oldBalanceMilli: bigint;
  oldBalanceOn: string | null;
  newBalanceMilli: bigint;
  newBalanceOn: string | null;
  holderName: string;
  /** record 1 pos 91–125 ("Compte à vue", "CPTE A VUE / ZICHTREK"…) */
  accountDescription: string;
  movements: CodaMovement[];
  freeTexts: string[];
  /** Checks that failed without making the file unusable (record 8 naming another account than record 1:
   *  an anonymisation artefact in two public samples, see SOURCES.md) — reported, not fatal. */
  warnings: { code: string; record: number; params: Record<string, string | number> }[];
}

function date(s: string, record: number): string | null {
  if (s === "000000") return null;
  if (!/^\d{6}$/.test(s)) throw new CodaError("coda.badDate", record, { value: s });
  const d = Number(s.slice(0, 2));
  const m = Number(s.slice(2, 4));
  const yy = Number(s.slice(4, 6));
  if (m < 1 || m > 12 || d < 1 || d > 31) throw new CodaError("coda.badDate", record, { value: s });
  const y = yy < 80 ? 2000 + yy : 1900 + yy;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function amount(sign: string, digits: string, record: number): bigint {
  if (!/^\d{15}$/.test(digits)) throw new CodaError("coda.badAmount", record, { value: digits });
  if (sign !== "0" && sign !== "1") throw new CodaError("coda.badSign", record, { value: sign });
  const v = BigInt(digits);
  return sign === "1" ? -v : v;
}

/** Account number (and currency) from the 37 characters of record 1 pos 6-42 / record 8 pos 5-41. */
function account(structure: string, field: string, record: number): { account: string; currency: string } {
  switch (structure) {
    case "0":
      return { account: field.slice(0, 12).trim(), currency: field.slice(13, 16) };
    case "1":
      return { account: field.slice(0, 34).trim(), currency: field.slice(34, 37) };
    case "2":
      return { account: field.slice(0, 16).trim(), currency: field.slice(34, 37) };
    case "3":
      return { account: field.slice(0, 34).trim(), currency: field.slice(34, 37) };
    default:
      throw new CodaError("coda.badAccountStructure", record, { value: structure });
  }
}

/** The statement's account as an IBAN without spaces: structure 0 (Belgian BBAN) converted, 2 and 3 as written;
 *  structure 1 (foreign BBAN) and a BBAN that fails its check digits as read. */
export function statementIban(st: Pick<CodaStatement, "accountStructure" | "account">): string {
  if (st.accountStructure === "0") return belgianIbanFromBban(st.account) ?? st.account;
  return st.accountStructure === "1" ? st.account : normalizeIban(st.account);
}

/** Shortest trailer accepted: a record 9 whose blanks after the credit total (pos 52) were cut is padded back. */
const SHORTEST_TRAILER = 52;

export function parseCoda(input: string | Uint8Array): CodaStatement[] {
  const text = typeof input === "string" ? input : decodeCoda(input);
  const records = splitRecords(text);
  if (records.length === 0) throw new CodaError("coda.empty", 0);
  records.forEach((r, i) => {
    if (r.length === 128) return;
    if (r[0] === "9" && r.length >= SHORTEST_TRAILER && r.length < 128) records[i] = r.padEnd(128, " ");
    else throw new CodaError("coda.recordLength", i + 1, { length: r.length });
  });
  const statements: CodaStatement[] = [];
  let st: CodaStatement | null = null;
  let state: "start" | "header" | "old" | "movements" | "new" | "done" = "start";
  let counted = 0;
  let freeTexts = 0;
  let debitMilli = 0n;
  let creditMilli = 0n;
  let structure = "";
  let current: CodaMovement | null = null;
  let sddParts: string[] = [];

  const flush = () => {
    if (current && current.structuredType === "127") current.sddContent = sddParts.join("");
    current = null;
    sddParts = [];
  };

  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const n = i + 1;
    const type = r[0];
    const fail = (code: string, params: Record<string, string | number> = {}): never => {
      throw new CodaError(code, n, params);
    };
    if (type === "0") {
      if (state !== "start" && state !== "done") fail("coda.unexpectedRecord", { type });
      if (r[127] !== "2") fail("coda.version", { version: r[127] });
      st = {
        firstRecord: n, createdOn: date(r.slice(5, 11), n), bankId: r.slice(11, 14), accountStructure: "", account: "", currency: "",
        sequence: 0, oldBalanceMilli: 0n, oldBalanceOn: null, newBalanceMilli: 0n, newBalanceOn: null, holderName: "", accountDescription: "", movements: [], freeTexts: [], warnings: [],
      };
      counted = 0;
      freeTexts = 0;
      debitMilli = 0n;
      creditMilli = 0n;
      state = "header";
      continue;
    }
    if (!st) return fail("coda.unexpectedRecord", { type });
    const s: CodaStatement = st;
    if (type === "1") {
      if (state !== "header") fail("coda.unexpectedRecord", { type });
      structure = r[1];
      const acc = account(structure, r.slice(5, 42), n);
      s.accountStructure = structure;
      s.account = acc.account;
      s.currency = acc.currency;
      s.oldBalanceMilli = amount(r[42], r.slice(43, 58), n);
      s.oldBalanceOn = date(r.slice(58, 64), n);
      s.holderName = r.slice(64, 90).trim();
      s.accountDescription = r.slice(90, 125).trim();
      const seq = r.slice(125, 128);
      if (!/^\d{3}$/.test(seq)) fail("coda.badSequence", { value: seq });
      s.sequence = Number(seq);
      counted++;
      state = "old";
      continue;
    }
    if (type === "2" || type === "3") {
      if (state !== "old" && state !== "movements") fail("coda.unexpectedRecord", { type });
      const article = r[1];
      counted++;
      state = "movements";
      if (type === "2" && article === "1") {
        flush();
        const amt = amount(r[31], r.slice(32, 47), n);
        const detail = r.slice(6, 10);
        const txCode = r.slice(53, 61);
        if (!/^\d{8}$/.test(txCode)) fail("coda.badTransactionCode", { value: txCode });
        const structured = r[61] === "1";
        const structuredType = structured ? r.slice(62, 65) : null;
        const comm = structured
          ? structuredType === "101" || structuredType === "102"
            ? r.slice(65, 77)
            : r.slice(65, 115).trim()
          : r.slice(62, 115).trimEnd();
        current = {
          record: n, sequence: r.slice(2, 6), detail, bankReference: r.slice(10, 31).trim(), amountMilli: amt,
          valueOn: date(r.slice(47, 53), n), entryOn: date(r.slice(115, 121), n), transactionCode: txCode,
          structuredType, communication: comm, sddContent: null, endToEndId: "", counterpartyBic: "", rType: "", rReason: "",
          counterpartyAccount: "", counterpartyName: "", globalisation: r[124],
        };
        if (structuredType === "127") sddParts.push(r.slice(65, 115));
        s.movements.push(current);
        if (detail === "0000") {
          if (amt < 0n) debitMilli += -amt;
          else creditMilli += amt;
        }
      } else if (type === "2" && (article === "2" || article === "3")) {
        const m: CodaMovement | null = current;
        if (!m || r.slice(2, 10) !== `${m.sequence}${m.detail}`) fail("coda.orphanRecord", { type: `2.${article}` });
        const mv = m as CodaMovement;
        if (article === "2") {
          if (mv.structuredType === "127") sddParts.push(r.slice(10, 63));
          else if (mv.structuredType === null) mv.communication += r.slice(10, 63).trimEnd();
          mv.endToEndId = r.slice(63, 98).trim();
          mv.counterpartyBic = r.slice(98, 109).trim();
          mv.rType = r[112].trim();
          mv.rReason = r.slice(113, 117).trim();
        } else {
          const accField = r.slice(10, 47);
          mv.counterpartyAccount = (accField[12] === " " ? accField.slice(0, 12) : accField.slice(0, 34)).trim();
          mv.counterpartyName = r.slice(47, 82).trim();
          if (mv.structuredType === "127") sddParts.push(r.slice(82, 125));
          else if (mv.structuredType === null) mv.communication += r.slice(82, 125).trimEnd();
        }
      } else if (type === "3" && (article === "1" || article === "2" || article === "3")) {
        // information records: counted, attached to the movement
      } else fail("coda.unexpectedRecord", { type: `${type}.${article}` });
      continue;
    }
    if (type === "8") {
      if (state !== "old" && state !== "movements") fail("coda.unexpectedRecord", { type });
      flush();
      const acc = account(structure, r.slice(4, 41), n);
      if (acc.account !== s.account) s.warnings.push({ code: "coda.accountMismatch", record: n, params: { old: s.account, new: acc.account } });
      s.newBalanceMilli = amount(r[41], r.slice(42, 57), n);
      s.newBalanceOn = date(r.slice(57, 63), n);
      counted++;
      const sum = s.movements.filter((m) => m.detail === "0000").reduce((a, m) => a + m.amountMilli, 0n);
      if (s.oldBalanceMilli + sum !== s.newBalanceMilli)
        fail("coda.balanceMismatch", { old: s.oldBalanceMilli.toString(), movements: sum.toString(), new: s.newBalanceMilli.toString() });
      state = "new";
      continue;
    }
    if (type === "4") {
      if (state !== "new") fail("coda.unexpectedRecord", { type });
      s.freeTexts.push(r.slice(32, 112).trim());
      freeTexts++;
      continue;
    }
    if (type === "9") {
      if (state !== "new") fail("coda.unexpectedRecord", { type });
      const count = r.slice(16, 22);
      if (!/^\d{6}$/.test(count)) fail("coda.badNumber", { value: count });
      // banks differ on whether the record-4 lines count: both are accepted (php-coda-parser sample 6 counts them,
      // the pycoda samples do not)
      if (Number(count) !== counted && Number(count) !== counted + freeTexts) fail("coda.trailerCount", { expected: Number(count), found: counted });
      const debit = amount("0", r.slice(22, 37), n);
      const credit = amount("0", r.slice(37, 52), n);
      if (debit !== debitMilli) fail("coda.trailerDebit", { expected: debit.toString(), found: debitMilli.toString() });
      if (credit !== creditMilli) fail("coda.trailerCredit", { expected: credit.toString(), found: creditMilli.toString() });
      statements.push(s);
      st = null;
      state = "done";
      continue;
    }
    fail("coda.unknownRecord", { type });
  }
  if (state !== "done") throw new CodaError("coda.truncated", records.length);
  return statements;
}

/** The movements that are payments: plain movements, and the details of a globalised total instead of the total.
 *  A total (type 1 or 2) counts as globalised only when its details (types 5–9) are there: a total flagged
 *  globalised without them is a plain movement, as pycoda and php-coda-parser read it — never dropped. */
export function paymentMovements(st: CodaStatement): CodaMovement[] {
  const isDetail = (m: CodaMovement) => m.detail !== "0000" && /^[5-9]/.test(m.transactionCode);
  const detailed = new Set(st.movements.filter(isDetail).map((m) => m.sequence));
  const totals = new Set(
    st.movements.filter((m) => m.detail === "0000" && (m.transactionCode[0] === "1" || m.transactionCode[0] === "2") && detailed.has(m.sequence)).map((m) => m.sequence),
  );
  return st.movements.filter((m) => (m.detail === "0000" ? !totals.has(m.sequence) : totals.has(m.sequence) && isDetail(m)));
}

/** Thousandths → cents; refuses sub-cent amounts rather than rounding money. */
export function milliToCents(milli: bigint, record: number): number {
  if (milli % 10n !== 0n) throw new CodaError("coda.subCentAmount", record, { value: milli.toString() });
  return Number(milli / 10n);
}
