// SEPA Core direct debit initiation, ISO 20022 pain.008.001.02 (docs/formats.md §2.1), written with xmlbuilder2.
// One PmtInf per sequence type (FRST / RCUR); the call's Belgian structured communication travels as the
// creditor reference (Strd/CdtrRefInf, SCOR issued by BBA). Amounts are integer cents, printed with 2 decimals.
import { create } from "xmlbuilder2";

export const PAIN008_NS = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.02";

export interface Pain008Creditor {
  name: string;
  iban: string;
  bic: string;
  creditorId: string;
}

export interface Pain008Transaction {
  endToEndId: string;
  amountCents: number;
  mandateId: string;
  mandateSignedOn: string; // YYYY-MM-DD
  sequenceType: "FRST" | "RCUR";
  debtorName: string;
  debtorIban: string;
  /** 12 digits of the structured communication (no +++ or /) */
  structuredCommunication: string;
}

export interface Pain008Input {
  messageId: string;
  createdAt: string; // ISO date-time without zone, e.g. 2026-11-28T10:15:00
  collectOn: string;
  creditor: Pain008Creditor;
  transactions: Pain008Transaction[];
}

/** Integer cents → "812.34" (no floating point). */
export function centsToDecimal(cents: number): string {
  if (!Number.isInteger(cents) || cents < 0) throw new Error(`invalid amount ${cents}`);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

/** Restricts a text to the SEPA character set (accents folded, anything else becomes a space). */
export function sepaText(value: string, max = 70): string {
  const folded = value.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  const clean = folded.replace(/[^a-zA-Z0-9/\-?:().,'+ ]/g, " ").replace(/\s+/g, " ").trim();
  return (clean || "NOTPROVIDED").slice(0, max);
}

export function buildPain008(input: Pain008Input): string {
  if (input.transactions.length === 0) throw new Error("pain.008 without transactions");
  const total = input.transactions.reduce((s, t) => s + t.amountCents, 0);
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(PAIN008_NS, "Document");
  const root = doc.ele("CstmrDrctDbtInitn");
  const hdr = root.ele("GrpHdr");
  hdr.ele("MsgId").txt(input.messageId);
  hdr.ele("CreDtTm").txt(input.createdAt);
  hdr.ele("NbOfTxs").txt(String(input.transactions.length));
  hdr.ele("CtrlSum").txt(centsToDecimal(total));
  hdr.ele("InitgPty").ele("Nm").txt(sepaText(input.creditor.name));
  for (const seq of ["FRST", "RCUR"] as const) {
    const txs = input.transactions.filter((t) => t.sequenceType === seq);
    if (txs.length === 0) continue;
    const pmt = root.ele("PmtInf");
    pmt.ele("PmtInfId").txt(`${input.messageId}-${seq}`.slice(0, 35));
    pmt.ele("PmtMtd").txt("DD");
    pmt.ele("BtchBookg").txt("true");
    pmt.ele("NbOfTxs").txt(String(txs.length));
    pmt.ele("CtrlSum").txt(centsToDecimal(txs.reduce((s, t) => s + t.amountCents, 0)));
    const tp = pmt.ele("PmtTpInf");
    tp.ele("SvcLvl").ele("Cd").txt("SEPA");
    tp.ele("LclInstrm").ele("Cd").txt("CORE");
    tp.ele("SeqTp").txt(seq);
    pmt.ele("ReqdColltnDt").txt(input.collectOn);
    pmt.ele("Cdtr").ele("Nm").txt(sepaText(input.creditor.name));
    pmt.ele("CdtrAcct").ele("Id").ele("IBAN").txt(input.creditor.iban);
    pmt.ele("CdtrAgt").ele("FinInstnId").ele("BIC").txt(input.creditor.bic);
    pmt.ele("ChrgBr").txt("SLEV");
    const othr = pmt.ele("CdtrSchmeId").ele("Id").ele("PrvtId").ele("Othr");
    othr.ele("Id").txt(input.creditor.creditorId);
    othr.ele("SchmeNm").ele("Prtry").txt("SEPA");
    for (const t of txs) {
      const tx = pmt.ele("DrctDbtTxInf");
      tx.ele("PmtId").ele("EndToEndId").txt(t.endToEndId);
      tx.ele("InstdAmt", { Ccy: "EUR" }).txt(centsToDecimal(t.amountCents));
      const m = tx.ele("DrctDbtTx").ele("MndtRltdInf");
      m.ele("MndtId").txt(t.mandateId);
      m.ele("DtOfSgntr").txt(t.mandateSignedOn);
      m.ele("AmdmntInd").txt("false");
      tx.ele("DbtrAgt").ele("FinInstnId").ele("Othr").ele("Id").txt("NOTPROVIDED");
      tx.ele("Dbtr").ele("Nm").txt(sepaText(t.debtorName));
      tx.ele("DbtrAcct").ele("Id").ele("IBAN").txt(t.debtorIban);
      const ref = tx.ele("RmtInf").ele("Strd").ele("CdtrRefInf");
      const rtp = ref.ele("Tp");
      rtp.ele("CdOrPrtry").ele("Cd").txt("SCOR");
      rtp.ele("Issr").txt("BBA");
      ref.ele("Ref").txt(t.structuredCommunication);
    }
  }
  return doc.end({ wellFormed: true, prettyPrint: true });
}
