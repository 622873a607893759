// The CODA reader on the project's own files (written to docs/formats.md §1 by tests/fixtures/coda/builder.ts) and
// on the public samples in /work/shared/fixtures/coda (skipped, with the reason, when that folder is absent).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CodaError, codaEncoding, decodeCoda, milliToCents, paymentMovements, parseCoda, splitRecords, statementIban } from "@/lib/formats/coda/parser";
import { buildCoda, FIXTURE_ACCOUNT, FIXTURE_OGM, FOREIGN_ACCOUNT, utf8Fixture, validFixture } from "../../fixtures/coda/builder";

const own = (f: string) => readFileSync(path.join(import.meta.dirname, "../../fixtures/coda", f));
const refusal = (input: string | Uint8Array) => {
  try {
    parseCoda(input);
  } catch (e) {
    if (e instanceof CodaError) return { code: e.code, record: e.record };
    throw e;
  }
  return null;
};

describe("CODA parser — project files", () => {
  it("reads the valid statement: account, balances, movements, structured communication, counterparty", () => {
    const [st] = parseCoda(own("valid.cod"));
    expect(st).toMatchObject({ account: FIXTURE_ACCOUNT, sequence: 41, currency: "EUR", oldBalanceMilli: 10_000_000n, newBalanceMilli: 10_000_000n + 500_000n + 123_450n + 70_000n - 25_000n, newBalanceOn: "2026-03-25", warnings: [] });
    expect(st.movements).toHaveLength(4);
    expect(st.movements[0]).toMatchObject({ structuredType: "101", communication: FIXTURE_OGM, amountMilli: 500_000n, valueOn: "2026-03-24", counterpartyAccount: "BE80001000000177", counterpartyName: "MARTIN ANNE" });
    expect(st.movements[1]).toMatchObject({ structuredType: null, communication: "COTISATION T1 DOSSIER 300001" });
    expect(st.movements[3].amountMilli).toBe(-25_000n);
    expect(own("valid.cod").equals(own("duplicate.cod"))).toBe(true);
  });

  it("accepts LF line ends, no final line end, and no line breaks at all", () => {
    const text = validFixture();
    const n = parseCoda(text)[0].movements.length;
    expect(parseCoda(text.replaceAll("\r\n", "\n").trimEnd())[0].movements).toHaveLength(n);
    expect(parseCoda(text.replaceAll("\r\n", ""))[0].movements).toHaveLength(n);
    expect(splitRecords("")).toEqual([]);
  });

  it.each([
    ["malformed-record-length.cod", "coda.recordLength", 3],
    ["malformed-trailer-total.cod", "coda.trailerCredit", 16],
    ["malformed-balance.cod", "coda.balanceMismatch", 15],
  ])("rejects %s whole with %s at record %i", (file, code, record) => {
    expect(refusal(own(file))).toEqual({ code, record });
  });

  it("rejects a version-1 file, a record out of order, a wrong trailer count, a bad date and a truncated file", () => {
    const recs = validFixture().split("\r\n").filter(Boolean);
    const v1 = [recs[0].slice(0, 127) + "1", ...recs.slice(1)].join("\n");
    expect(refusal(v1)).toEqual({ code: "coda.version", record: 1 });
    expect(refusal([recs[0], recs[2], recs[1], ...recs.slice(3)].join("\n"))).toEqual({ code: "coda.unexpectedRecord", record: 2 });
    const t = recs[recs.length - 1];
    expect(refusal([...recs.slice(0, -1), t.slice(0, 16) + "000099" + t.slice(22)].join("\n"))).toEqual({ code: "coda.trailerCount", record: recs.length });
    const r1 = recs[1];
    expect(refusal([recs[0], r1.slice(0, 58) + "311326" + r1.slice(64), ...recs.slice(2)].join("\n"))).toEqual({ code: "coda.badDate", record: 2 });
    expect(refusal(recs.slice(0, -1).join("\n"))).toEqual({ code: "coda.truncated", record: recs.length - 1 });
    expect(refusal("")).toEqual({ code: "coda.empty", record: 0 });
  });

  it("reads a statement in UTF-8 as well as in Latin-1: records are 128 characters, not bytes", () => {
    const utf8 = own("valid-utf8.cod");
    expect(utf8.length).toBe(own("valid.cod").length + 1); // "à" is two bytes in UTF-8
    expect(codaEncoding(utf8)).toBe("utf-8");
    const [st] = parseCoda(utf8);
    expect(st.accountDescription).toBe("Compte à vue");
    expect(st.movements).toHaveLength(4);
    const latin1 = Buffer.from(utf8Fixture(), "latin1");
    expect(codaEncoding(latin1)).toBe("latin1");
    expect(parseCoda(latin1)[0].accountDescription).toBe("Compte à vue");
    expect(parseCoda(own("valid.cod"))[0].accountDescription).toBe("COMPTE COURANT");
    expect(codaEncoding(own("valid.cod"))).toBe("latin1"); // plain ASCII
    // a byte-order mark means UTF-8 and is not part of record 0
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(validFixture(), "latin1")]);
    expect(codaEncoding(bom)).toBe("utf-8");
    expect(decodeCoda(bom).startsWith("0")).toBe(true);
    expect(parseCoda(bom)[0].movements).toHaveLength(4);
  });

  it("accepts a trailer whose trailing blanks were cut, down to its credit total (pos 52), and no shorter; other records stay at 128", () => {
    const recs = validFixture().split("\r\n").filter(Boolean);
    const t = recs[recs.length - 1];
    const withTrailer = (r: string) => [...recs.slice(0, -1), r].join("\n");
    expect(parseCoda(withTrailer(t.slice(0, 57)))[0].movements).toHaveLength(4);
    expect(parseCoda(withTrailer(t.slice(0, 52)))[0].movements).toHaveLength(4);
    expect(refusal(withTrailer(t.slice(0, 51)))).toEqual({ code: "coda.recordLength", record: recs.length });
    const r8 = recs.length - 2;
    expect(refusal(recs.map((r, i) => (i === r8 ? r.slice(0, 100) : r)).join("\n"))).toEqual({ code: "coda.recordLength", record: r8 + 1 });
  });

  it("accepts a trailer count with or without the record-4 lines, and no other", () => {
    const recs = validFixture().split("\r\n").filter(Boolean);
    const free = ("4 00010005" + " ".repeat(22) + "MESSAGE DE LA BANQUE").padEnd(127, " ") + "0";
    const t = recs[recs.length - 1];
    const counted = Number(t.slice(16, 22));
    const file = (count: number) => [...recs.slice(0, -1), free, t.slice(0, 16) + String(count).padStart(6, "0") + t.slice(22)].join("\n");
    expect(parseCoda(file(counted))[0].freeTexts).toEqual(["MESSAGE DE LA BANQUE"]);
    expect(parseCoda(file(counted + 1))[0].freeTexts).toEqual(["MESSAGE DE LA BANQUE"]);
    expect(refusal(file(counted + 2))).toEqual({ code: "coda.trailerCount", record: recs.length + 1 });
  });

  it("books a total flagged globalised without its details as a plain movement, and the details instead of the total when they are there", () => {
    const recs = validFixture().split("\r\n").filter(Boolean);
    // movement 0001 (5 000,00 with an OGM) becomes a total of type 1, globalisation code 1
    const total = recs[2].slice(0, 53) + "10150000" + recs[2].slice(61, 124) + "1" + recs[2].slice(125);
    const alone = [recs[0], recs[1], total, ...recs.slice(3)].join("\n");
    const [st] = parseCoda(alone);
    expect(paymentMovements(st).map((m) => m.amountMilli)).toEqual([500_000n, 123_450n, 70_000n, -25_000n]);
    // with two details of type 5 (information only: they do not count in balances or totals)
    const detail = (n: string, milli: string) => recs[2].slice(0, 6) + n + recs[2].slice(10, 31) + "0" + milli.padStart(15, "0") + recs[2].slice(47, 53) + "50150000" + recs[2].slice(61, 124) + "0" + recs[2].slice(125);
    const detailed = [recs[0], recs[1], total.slice(0, 125) + "0" + total.slice(126), ...recs.slice(3, 5), detail("0001", "200000"), detail("0002", "300000"), ...recs.slice(5)];
    const t = detailed[detailed.length - 1];
    detailed[detailed.length - 1] = t.slice(0, 16) + String(Number(t.slice(16, 22)) + 2).padStart(6, "0") + t.slice(22);
    const [st2] = parseCoda(detailed.join("\n"));
    expect(paymentMovements(st2).map((m) => [m.sequence, m.detail, m.amountMilli])).toEqual([
      ["0001", "0001", 200_000n], ["0001", "0002", 300_000n], ["0002", "0000", 123_450n], ["0003", "0000", 70_000n], ["0004", "0000", -25_000n],
    ]);
  });

  it("gives the statement's account as an IBAN: structure 0 converted from the BBAN, 2 and 3 as written, structure 1 as read", () => {
    expect(statementIban({ accountStructure: "0", account: "539007547034" })).toBe(FIXTURE_ACCOUNT);
    expect(statementIban({ accountStructure: "0", account: "138536152215" })).toBe("138536152215"); // BBAN check digits wrong
    expect(statementIban({ accountStructure: "2", account: "be32 1234 5678 9002" })).toBe(FOREIGN_ACCOUNT);
    expect(statementIban({ accountStructure: "3", account: "FR1234567890240924002304825" })).toBe("FR1234567890240924002304825");
    expect(statementIban({ accountStructure: "1", account: "12345 678" })).toBe("12345 678");
    expect(statementIban(parseCoda(own("foreign-account.cod"))[0])).toBe(FOREIGN_ACCOUNT);
  });

  it("keeps thousandths exact and refuses sub-cent amounts", () => {
    expect(milliToCents(3_044_450n, 1)).toBe(304_445);
    expect(() => milliToCents(3_044_451n, 7)).toThrow(CodaError);
  });

  it("builds debits and credits that balance (builder self-check)", () => {
    const text = buildCoda({ account: FIXTURE_ACCOUNT, sequence: 1, on: "2026-01-05", openingCents: -500, movements: [{ amountCents: -100, valueOn: "2026-01-05", text: "X", counterpartyIban: "", counterpartyName: "" }] });
    expect(parseCoda(text)[0]).toMatchObject({ oldBalanceMilli: -5000n, newBalanceMilli: -6000n });
  });
});

// What /work/shared/fixtures/SOURCES.md says of each public sample.
const SHARED = "/work/shared/fixtures/coda";
const PREDICTED: Record<string, { statements: number; payments?: number; note: string }> = {
  "odoo-l10n_be_coda-2013.cod": { statements: 1, note: "imports; record 8 names another IBAN than record 1 (anonymisation artefact) → warning coda.accountMismatch" },
  "php-coda-parser-sample1-ogm-credit-transfers.cod": { statements: 1, note: "four credits with OGMs that fail their check digits" },
  "php-coda-parser-sample10-sepa-direct-debit.cod": { statements: 1, note: "SDD total with two type-5 details carrying communication 127" },
  "pycoda-foreign-account-free-communication.cod": { statements: 1, note: "structure 3 foreign IBAN; record 4 not counted in the trailer" },
  "pycoda-multi-statements.cod": { statements: 2, note: "two statements in one file" },
};

describe.skipIf(!existsSync(SHARED))(`CODA parser — public samples in ${SHARED} (skipped when the folder is absent)`, () => {
  it.each(Object.keys(PREDICTED))("%s parses as SOURCES.md predicts", (file) => {
    const statements = parseCoda(readFileSync(path.join(SHARED, file)));
    expect(statements).toHaveLength(PREDICTED[file].statements);
    if (file.startsWith("odoo")) expect(statements[0].warnings.map((w) => w.code)).toEqual(["coda.accountMismatch"]);
    if (file.includes("sample1-")) {
      const ogms = statements[0].movements.filter((m) => m.structuredType === "101");
      expect(ogms).toHaveLength(4);
    }
    if (file.includes("sample10")) {
      const details = statements[0].movements.filter((m) => m.structuredType === "127");
      expect(details).toHaveLength(2);
      expect(details.every((d) => d.sddContent !== null && d.sddContent.length === 146 && d.endToEndId !== "")).toBe(true);
    }
    if (file.includes("foreign")) expect(statements[0]).toMatchObject({ accountStructure: "3", freeTexts: expect.any(Array) });
  });
});
