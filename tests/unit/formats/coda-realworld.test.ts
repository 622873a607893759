// The CODA reader on fifteen public statements from other readers' test suites (../shared/fixtures/realworld/coda,
// each with a .expected.json citing what its own project's tests expect). Decision per file — accepted with what it
// reads, or refused with the translated reason — in EXPECTED below, explained in docs/formats.md §1.7: format
// variants the peers accept are accepted (UTF-8, a trailer whose blanks were cut, a total flagged globalised without
// details); what the peers refuse is refused (version 5, a truncated file with stray lines); statements whose
// figures do not add up (hand-made or anonymised samples the peers read without checking) are refused, since the
// fund books money from them. Skipped, with the reason, when the folder is absent (it lives outside the repo).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CodaError, codaEncoding, parseCoda, paymentMovements, statementIban, type CodaStatement } from "@/lib/formats/coda/parser";
import { serverTranslator } from "@/lib/i18n/translator";

const REALWORLD = path.resolve(import.meta.dirname, "../../../../shared/fixtures/realworld/coda");

type Accepted = {
  accept: true;
  why: string;
  encoding: "utf-8" | "latin1";
  account: string; // statementIban
  description?: string;
  movements: number; // records 2.1 (main movements and details)
  oldMilli: bigint;
  newMilli: bigint;
  /** signed amounts (thousandths) of the movements booked as payments (paymentMovements) */
  payments: bigint[];
  warnings: string[];
};
type Refused = { accept: false; why: string; code: string; record: number; params?: Record<string, string | number> };

const EXPECTED: Record<string, Accepted | Refused> = {
  "coda-demo-spring-globalised-ogm-utf8.cod": {
    accept: true, why: "UTF-8 file: 'Compte à vue' is 128 characters (129 bytes); six OGM details of one bank total, three OGMs paid twice",
    encoding: "utf-8", account: "BE51310000017062", description: "Compte à vue", movements: 7, oldMilli: 170_022_110n, newMilli: 170_266_230n,
    payments: [72_480n, 72_480n, 24_790n, 24_790n, 24_790n, 24_790n], warnings: [],
  },
  "php-coda-parser-sample11.cod": {
    accept: true, why: "SEPA collection credited as one total flagged globalised, without details: booked as one credit of 1 000.00",
    encoding: "latin1", account: "138536152215", movements: 1, oldMilli: 100_000n, newMilli: 1_100_000n, payments: [1_000_000n], warnings: [],
  },
  "php-coda-parser-sample8.cod": {
    accept: true, why: "two totals flagged globalised without details: two plain debits",
    encoding: "latin1", account: "BE11111111111111", movements: 2, oldMilli: 1_293_450n, newMilli: 648_560n, payments: [-395_550n, -249_340n], warnings: [],
  },
  "pycoda-faulty-globalisation-2-short-trailer.cod": {
    accept: true, why: "record 9 of 57 characters (its trailing blanks cut): padded back, as pycoda reads it",
    encoding: "latin1", account: "BE12341676096039", description: "CPTE A VUE / ZICHTREK", movements: 2, oldMilli: 104_014_760n, newMilli: 90_080_130n,
    payments: [-11_442_410n, -2_492_220n], warnings: [],
  },
  "pycoda-faulty-globalisation.cod": {
    accept: true, why: "11 movements, a salary batch flagged globalised without details read as plain; record 8 names another account (warning)",
    encoding: "latin1", account: "BE12341702625236", movements: 11, oldMilli: 19_338_090n, newMilli: 10_807_810n,
    payments: [177_830n, 61_760n, -5_568_320n, -1_012_860n, -717_530n, -430_520n, -361_240n, -320_320n, -196_920n, -158_290n, -3_870n], warnings: ["coda.accountMismatch"],
  },
  "pycoda-globalisation.cod": {
    accept: true, why: "negative opening balance; a type-3 movement with a type-8 information detail (the movement is the payment)",
    encoding: "latin1", account: "BE12341676096039", description: "CPTE A VUE / ZICHTREK", movements: 5, oldMilli: -455_170n, newMilli: 275_270_530n,
    payments: [113_135_000n, 113_135_000n, 50_000_000n, -544_300n], warnings: ["coda.accountMismatch"],
  },
  "pycoda-faulty-version-5.cod": { accept: false, why: "CODA version 5 (pycoda refuses it too)", code: "coda.version", record: 1, params: { version: "5" } },
  "coda_standard-invalid-truncated.cod": {
    accept: false, why: "after a cut trailer, blank lines and a stray '100/0000/00135' line (coda_standard refuses it too)", code: "coda.recordLength", record: 15, params: { length: 0 },
  },
  "pycoda-globalisation-2-no-details.cod": {
    accept: false, why: "trailer counts 23 records, 19 are there (detail lines removed by hand)", code: "coda.trailerCount", record: 21, params: { expected: 23, found: 19 },
  },
  "coda_standard-ogm-101-102.cod": { accept: false, why: "hand-made: 57 900.00 + 700.86 ≠ 58 900.00", code: "coda.balanceMismatch", record: 13 },
  "oca-l10n-belgium-2012-balance-mismatch.cod": { accept: false, why: "11 812.70 + 1 715.11 ≠ 13 646.05 (OCA takes record 8 as is)", code: "coda.balanceMismatch", record: 23 },
  "php-coda-parser-sample2.cod": { accept: false, why: "hand-anonymised: 25 846.000 − 9.680 ≠ 23 154.685", code: "coda.balanceMismatch", record: 17 },
  "php-coda-parser-sample6.cod": { accept: false, why: "synthetic: balances and trailer totals do not add up", code: "coda.balanceMismatch", record: 15 },
  "php-coda-parser-sample7.cod": { accept: false, why: "synthetic: a 75.00 debit between balances 80.00 apart", code: "coda.balanceMismatch", record: 21 },
  "php-coda-parser-sample9.cod": { accept: false, why: "synthetic: balances copied from sample 7 around a 5.00 credit", code: "coda.balanceMismatch", record: 8 },
};

function read(file: string): { statements: CodaStatement[] } | { error: CodaError } {
  try {
    return { statements: parseCoda(readFileSync(path.join(REALWORLD, file))) };
  } catch (error) {
    if (error instanceof CodaError) return { error };
    throw error;
  }
}

const present = existsSync(REALWORLD);
const files = present ? readdirSync(REALWORLD).filter((f) => f.endsWith(".cod")).sort() : [];

describe.skipIf(!present)(`CODA reader — public statements in ${REALWORLD} (skipped: folder absent, it lives outside the repo)`, () => {
  it("has a decision for every statement of the folder, and each is the file its .expected.json describes", () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
    for (const f of files) {
      const expected = JSON.parse(readFileSync(path.join(REALWORLD, f.replace(/\.cod$/, ".expected.json")), "utf8")) as { file: string; sha256: string };
      expect(expected.file).toBe(f);
      expect(createHash("sha256").update(readFileSync(path.join(REALWORLD, f))).digest("hex"), f).toBe(expected.sha256);
    }
  });

  it.each(files)("%s: read as decided", (file) => {
    const want = EXPECTED[file];
    const got = read(file);
    if (!want.accept) {
      expect("error" in got, `${file} should be refused: ${want.why}`).toBe(true);
      if (!("error" in got)) return;
      expect({ code: got.error.code, record: got.error.record }, want.why).toEqual({ code: want.code, record: want.record });
      if (want.params) expect(got.error.params).toMatchObject(want.params);
      // the reason is a translated message, in both languages, that takes the error's parameters
      for (const locale of ["fr", "nl"] as const) {
        const t = serverTranslator(locale, "moErrors");
        expect(t.has(want.code), `${locale} moErrors.${want.code}`).toBe(true);
        expect(t(want.code, got.error.params)).not.toMatch(/[{}]|moErrors/);
      }
      return;
    }
    if ("error" in got) throw new Error(`${file} should be accepted (${want.why}) but was refused: ${got.error.message} ${JSON.stringify(got.error.params)}`);
    expect(codaEncoding(readFileSync(path.join(REALWORLD, file)))).toBe(want.encoding);
    expect(got.statements).toHaveLength(1);
    const [st] = got.statements;
    expect(statementIban(st)).toBe(want.account);
    if (want.description !== undefined) expect(st.accountDescription).toBe(want.description);
    expect(st.movements).toHaveLength(want.movements);
    expect({ old: st.oldBalanceMilli, new: st.newBalanceMilli }).toEqual({ old: want.oldMilli, new: want.newMilli });
    expect(paymentMovements(st).map((m) => m.amountMilli)).toEqual(want.payments);
    expect(st.warnings.map((w) => w.code)).toEqual(want.warnings);
  });

  it("reads the UTF-8 statement as its source's tests do: one bank total of 244.12, OGMs paid twice kept twice", () => {
    const got = read("coda-demo-spring-globalised-ogm-utf8.cod");
    if ("error" in got) throw got.error;
    const [st] = got.statements;
    expect(st).toMatchObject({ createdOn: "2025-03-03", bankId: "300", accountStructure: "0", account: "310000017062", sequence: 24, oldBalanceOn: "2025-02-27" });
    const total = st.movements.find((m) => m.detail === "0000")!;
    expect({ amount: total.amountMilli, globalisation: total.globalisation, type: total.transactionCode[0] }).toEqual({ amount: 244_120n, globalisation: "1", type: "2" });
    const paid = paymentMovements(st);
    expect(paid.reduce((s, m) => s + m.amountMilli, 0n)).toBe(total.amountMilli);
    const ogms = paid.map((m) => m.communication);
    expect(new Set(ogms).size).toBe(3);
    expect(ogms).toEqual(["141359004019", "141359004019", "146453781091", "146453781091", "146498769085", "146498769085"]);
  });
});
