import { describe, it, expect } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  bankForIban,
  belgianCreditorIdentifier,
  belgianIbanFromBban,
  bicForIban,
  formatEnterpriseNumber,
  formatIban,
  formatNiss,
  formatStructuredCommunication,
  isValidBelgianIban,
  isValidBisNumber,
  isValidCreditorIdentifier,
  isValidEidCardNumber,
  isValidEnterpriseNumber,
  isValidNationalNumber,
  isValidNiss,
  isValidStructuredCommunication,
  mod97,
  normalizeEnterpriseNumber,
  normalizeNiss,
  normalizeStructuredCommunication,
  parseNiss,
  structuredCommunication,
  BE_BANK_CODES,
} from "../../../lib/domain";

// Own cases (docs/domain.md §12, examples from python-stdnum doctests, verified by computation there).
describe("NISS — national register and BIS numbers", () => {
  it.each([
    ["85.07.30-033.28", "national", "1985-07-30", "M"],
    ["17.07.30-033.84", "national", "2017-07-30", "M"],
    ["98.47.28-997.65", "bis", "1998-07-28", "M"],
    ["01 49 07 001 85", "bis", "2001-09-07", "M"],
    ["75.26.08-980.52", "bis", "1975-06-08", null],
  ])("%s is a valid %s number born %s, sex %s", (value, kind, birthDate, sex) => {
    const p = parseNiss(value);
    expect(p).toMatchObject({ kind, birthDate, sex });
    expect(isValidNiss(value)).toBe(true);
  });

  it("derives female sex from an even serial and unknown dates", () => {
    // 85.07.30-034.xx: serial 034 even
    const base = 850730034;
    const cc = String(97 - (base % 97)).padStart(2, "0");
    expect(parseNiss(`${base}${cc}`)).toMatchObject({ sex: "F", birthYear: 1985 });
    expect(parseNiss("00000100166")).toMatchObject({ birthYear: null, birthDate: null });
    expect(parseNiss("00000000128")).toMatchObject({ birthYear: 2000, birthDate: null });
    expect(parseNiss("85073500107")).toMatchObject({ birthYear: 1985, birthDate: null });
  });

  it.each(["12345678901", "85133000105", "00000000000", "8507300332", "85.07.30-033.2X"])("%s is invalid", (v) => {
    expect(isValidNiss(v)).toBe(false);
  });

  it("distinguishes national and BIS numbers", () => {
    expect(isValidNationalNumber("00400100184")).toBe(false);
    expect(isValidBisNumber("00400100184")).toBe(true);
    expect(isValidBisNumber("85.07.30-033.28")).toBe(false);
    expect(isValidNationalNumber("85.07.30-033.28")).toBe(true);
  });

  it("normalises and formats", () => {
    expect(normalizeNiss(" 85 07 30-033.28 ")).toBe("85073003328");
    expect(formatNiss("85073003328")).toBe("85.07.30-033.28");
    expect(formatNiss("abc")).toBeNull();
  });
});

describe("enterprise number (BCE/KBO)", () => {
  it.each(["0403.019.261", "BE 0428.759.497", "BE403019261", "(0)403019261", "0403-019-261"])("%s is valid", (v) =>
    expect(isValidEnterpriseNumber(v)).toBe(true),
  );
  it.each(["0431.150.351", "BE0000000000", "BE2000021323", "0220,764.971", "12"])("%s is invalid", (v) =>
    expect(isValidEnterpriseNumber(v)).toBe(false),
  );
  it("normalises and formats", () => {
    expect(normalizeEnterpriseNumber("BE 428759497")).toBe("0428759497");
    expect(formatEnterpriseNumber("BE428759497")).toBe("0428.759.497");
    expect(formatEnterpriseNumber("0431150351")).toBeNull();
    expect(formatEnterpriseNumber("x")).toBeNull();
  });
});

describe("Belgian IBAN and BIC", () => {
  it("validates (docs/domain.md §12.4 examples)", () => {
    expect(isValidBelgianIban("BE32 1234 5678 9002")).toBe(true);
    expect(isValidBelgianIban("BE41 0918 1173 5141")).toBe(false); // IBAN check ok, national check wrong
    expect(isValidBelgianIban("BE54310100270000")).toBe(false); // 00 must be written 97
    expect(isValidBelgianIban("BE68530907547034")).toBe(false);
    expect(isValidBelgianIban("NL91ABNA0417164300")).toBe(false);
  });
  it("accepts a bank code missing from the NBB list (the list lags new banks), with no BIC (docs/decisions/0027)", () => {
    // docs/domain.md §12.4: BE68 5390 0754 7034 has both check digits right; code 539 is not in the list of 01/01/2026
    expect(mod97("539007547034BE68")).toBe(1);
    expect(isValidBelgianIban("BE68 5390 0754 7034")).toBe(true);
    expect(bankForIban("BE68 5390 0754 7034")).toEqual({ bankCode: "539", bic: null, name: null });
    expect(bicForIban("BE68539007547034")).toBeNull();
    expect(formatIban("BE68539007547034")).toBe("BE68 5390 0754 7034");
    // python-stdnum refuses code 138 as unassigned (InvalidComponent); the portal accepts it, BIC empty
    expect(isValidBelgianIban("BE83138811735115")).toBe(true);
    expect(bicForIban("BE83138811735115")).toBeNull();
    // a wrong check digit still refuses, listed bank code or not
    expect(isValidBelgianIban("BE69539007547034")).toBe(false);
    expect(bankForIban("BE69539007547034")).toBeNull();
  });
  it("finds the BIC from the NBB list", () => {
    expect(bicForIban("BE48 3200 7018 4927")).toBe("BBRUBEBB");
    expect(bicForIban("BE45102000000089")).toBeNull(); // assigned code without BIC
    expect(bankForIban("BE45102000000089")?.name).toContain("C.E.C.");
    expect(bicForIban("BE41091811735141")).toBeNull();
    expect(BE_BANK_CODES.length).toBeGreaterThan(100);
  });
  it("formats and builds from a BBAN", () => {
    expect(formatIban("be32123456789002")).toBe("BE32 1234 5678 9002");
    expect(formatIban("BE00")).toBeNull();
    expect(belgianIbanFromBban("000-0000000-97")).toBe("BE54000000000097");
    expect(belgianIbanFromBban("123456789002")).toBe("BE32123456789002");
    expect(belgianIbanFromBban("123456789003")).toBeNull();
    expect(belgianIbanFromBban("12345")).toBeNull();
  });
});

describe("structured communication", () => {
  it.each([
    ["0108068171", "+++010/8068/17183+++"],
    ["1234567890", "+++123/4567/89002+++"],
    ["0000000000", "+++000/0000/00097+++"],
  ])("%s → %s", (ten, expected) => {
    expect(structuredCommunication(ten)).toBe(expected);
    expect(isValidStructuredCommunication(expected)).toBe(true);
  });
  it("validates printed forms", () => {
    expect(isValidStructuredCommunication("***010/8068/17183***")).toBe(true);
    expect(isValidStructuredCommunication("010806817183")).toBe(true);
    expect(isValidStructuredCommunication("+++010/8068/17180+++")).toBe(false);
    expect(isValidStructuredCommunication("+++010/8068/1718+++")).toBe(false);
    expect(normalizeStructuredCommunication("+++010/8068/17183***")).toBeNull();
    expect(formatStructuredCommunication("010806817183")).toBe("+++010/8068/17183+++");
    expect(formatStructuredCommunication("010806817180")).toBeNull();
    expect(formatStructuredCommunication("x")).toBeNull();
  });
  it("refuses a base that is not 10 digits", () => {
    expect(() => structuredCommunication("123")).toThrow(expect.objectContaining({ code: "structuredCommunication.invalidBase" }));
  });
});

describe("SEPA creditor identifier and eID card number", () => {
  it("validates and builds", () => {
    expect(isValidCreditorIdentifier("BE12 001 0456810810")).toBe(true);
    expect(isValidCreditorIdentifier("BE12ZZZ0456810810")).toBe(true);
    expect(belgianCreditorIdentifier("0456.810.810")).toBe("BE12ZZZ0456810810");
    expect(belgianCreditorIdentifier("0456810810", "001")).toBe("BE120010456810810");
    expect(isValidCreditorIdentifier("BE12ZZZ0456810811")).toBe(false); // enterprise number invalid
    expect(isValidCreditorIdentifier("BE12ZZZ045681081")).toBe(false); // neither BE form
    expect(isValidCreditorIdentifier("BE69 ZZZ 050 D 000000008")).toBe(true); // legacy form, docs/domain.md §12.5
    expect(isValidCreditorIdentifier("BE78000050D000000008")).toBe(false);
    expect(isValidCreditorIdentifier("xx")).toBe(false);
    expect(() => belgianCreditorIdentifier("0431150351")).toThrow(expect.objectContaining({ code: "creditorIdentifier.invalidInput" }));
    expect(() => belgianCreditorIdentifier("x")).toThrow();
    expect(() => belgianCreditorIdentifier("0456810810", "zz")).toThrow();
  });
  it("legacy Belgian bank-issued form pppDnnnnnnnnn is accepted when its check digits match", () => {
    const national = "050D000000008";
    // compute the check digits the way the standard does, then validate the result
    const digits = (s: string) => [...s].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join("");
    const v = BigInt(digits(`${national}BE00`)) % 97n;
    const check = String(98n - v).padStart(2, "0");
    expect(isValidCreditorIdentifier(`BE${check}ZZZ${national}`)).toBe(true);
  });
  it("eID card numbers", () => {
    expect(isValidEidCardNumber("000-0011032-71")).toBe(true);
    expect(isValidEidCardNumber("000-0011032-25")).toBe(false);
    expect(isValidEidCardNumber("1")).toBe(false);
    // a multiple of 97 carries the check digits 97, never 00 (own case: the shared vectors are not in the repository)
    expect(isValidEidCardNumber("000-0000097-97")).toBe(true);
    expect(isValidEidCardNumber("000-0000097-00")).toBe(false);
  });
});

// Sweep of the shared fixture lists (python-stdnum test vectors, see shared/fixtures/SOURCES.md).
const FIXTURES = path.resolve(import.meta.dirname, "../../../../shared/fixtures/identifiers");

interface Entry {
  value: string;
  valid: boolean;
  reason: string;
  extra?: string;
}

function readEntries(file: string): Entry[] {
  const entries: Entry[] = [];
  let section: "valid" | "invalid" | null = null;
  let reason = "";
  for (const raw of readFileSync(path.join(FIXTURES, file), "utf8").split(/\r?\n/)) {
    const lineText = raw.trim();
    if (lineText === "[valid]" || lineText === "[invalid]") {
      section = lineText === "[valid]" ? "valid" : "invalid";
      reason = "";
      continue;
    }
    if (lineText.startsWith("# reason:")) reason = lineText.slice(9).trim();
    if (lineText === "" || lineText.startsWith("#") || section === null) continue;
    const [value, extra] = raw.split("\t");
    entries.push({ value: value.trim(), valid: section === "valid", reason, extra: extra?.trim() });
  }
  return entries;
}

const normBic = (s: string) => s.toUpperCase().replace(/[\s-]/g, "");

describe.skipIf(!existsSync(FIXTURES))(
  "fixture sweep of shared/fixtures/identifiers/*.txt (skipped when /work/shared is absent: fixtures live outside the repo)",
  () => {
    const checks: Record<string, (e: Entry) => void> = {
      "be_national_number.txt": (e) => {
        expect(isValidNationalNumber(e.value)).toBe(e.valid);
        // a BIS number is not a national number, but is a valid NISS
        expect(isValidNiss(e.value)).toBe(e.valid || e.reason.includes("BIS number"));
      },
      "be_bis_number.txt": (e) => {
        expect(isValidBisNumber(e.value)).toBe(e.valid);
        expect(isValidNiss(e.value)).toBe(e.valid || e.reason.includes("national number"));
      },
      "be_enterprise_number.txt": (e) => expect(isValidEnterpriseNumber(e.value)).toBe(e.valid),
      "be_iban.txt": (e) => {
        // deliberate difference with python-stdnum: a bank code missing from the NBB list is accepted, BIC empty
        if (e.reason.includes("not assigned by NBB")) {
          expect(isValidBelgianIban(e.value)).toBe(true);
          expect(bicForIban(e.value)).toBeNull();
          return;
        }
        expect(isValidBelgianIban(e.value)).toBe(e.valid);
        if (e.extra !== undefined) expect(bicForIban(e.value)).toBe(normBic(e.extra));
      },
      "be_structured_communication.txt": (e) => expect(isValidStructuredCommunication(e.value)).toBe(e.valid),
      "sepa_creditor_identifier.txt": (e) => expect(isValidCreditorIdentifier(e.value)).toBe(e.valid),
      "be_eid_card_number.txt": (e) => expect(isValidEidCardNumber(e.value)).toBe(e.valid),
    };
    const files = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((f) => f.endsWith(".txt")) : [];

    it("every fixture list has a checker", () => {
      for (const f of files) expect(Object.keys(checks)).toContain(f);
    });

    for (const file of files) {
      const entries = readEntries(file);
      it(`${file}: ${entries.length} entries classified as the source says`, () => {
        expect(entries.length).toBeGreaterThan(0);
        for (const e of entries) {
          try {
            checks[file](e);
          } catch (err) {
            throw new Error(`${file}: ${e.value} expected ${e.valid ? "valid" : "invalid"} (${e.reason})\n${String(err)}`);
          }
        }
      });
    }
  },
);
