import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  CATEGORIES,
  DomainError,
  PARAMETER_SETS,
  parametersFor,
  quarterlyContribution,
  withParameterFigures,
  type Category,
} from "../../../lib/domain";

const eur = (s: string): number => Math.round(Number(s.replace(/\./g, "").replace(",", ".")) * 100);

// Each row: a figure printed by a fund / INASTI / third party (URL), reproduced from our parameters.
// "excl." rows check contributionCents, "incl." rows check totalCents with the fund's fee rate.
type Row = {
  year: number;
  category: Category;
  income: string;
  primoStarter?: boolean;
  feeBp: number;
  expected: string;
  field: "contributionCents" | "totalCents";
  source: string;
};

const PUBLISHED: Row[] = [
  { year: 2023, category: "main", income: "0", feeBp: 390, expected: "873,77", field: "totalCents", source: "https://www.groups.be/nl/multiservice/een-eigen-onderneming/ik-ben-zelfstandige/sociale-bijdragen/aanpassing-van-de-sociale" },
  { year: 2023, category: "helping-spouse", income: "0", feeBp: 390, expected: "369,44", field: "contributionCents", source: "https://www.vlaio.be/nl/begeleiding-advies/start/je-statuut-als-zelfstandige/meewerkend-echtgenoten" },
  { year: 2023, category: "helping-spouse", income: "0", feeBp: 390, expected: "383,85", field: "totalCents", source: "https://www.groups.be/nl/multiservice/een-eigen-onderneming/ik-ben-zelfstandige/sociale-bijdragen/aanpassing-van-de-sociale" },
  { year: 2024, category: "main", income: "10.000,00", feeBp: 305, expected: "864,15", field: "contributionCents", source: "https://accountable.eu/nl-be/blog/primostarter/?amp=1" },
  { year: 2024, category: "main", income: "10.000,00", feeBp: 305, expected: "890,51", field: "totalCents", source: "https://help.astro.tax/nl/articles/10066928-hoeveel-sociale-bijdragen-moet-ik-betalen-als-eenmanszaak" },
  { year: 2024, category: "complementary", income: "1.865,45", feeBp: 305, expected: "98,52", field: "totalCents", source: "https://www.acerta.be/nl/zelfstandigen/themas-en-dossiers/sociale-bijdragen/sociale-bijdragen-bijberoep" },
  { year: 2024, category: "complementary", income: "1.865,45", feeBp: 395, expected: "99,38", field: "totalCents", source: "https://www.liantis.be/nl/zelfstandig-worden/sociale-bijdragen/bijberoep" },
  { year: 2025, category: "main", income: "12.000,00", feeBp: 305, expected: "871,71", field: "contributionCents", source: "https://eloya.be/fr/actualit%C3%A9s/independant-cotisations-sociales-ce-qui-change-au-1%E1%B5%89%CA%B3-octobre-2025/" },
  { year: 2025, category: "main", income: "12.000,00", feeBp: 305, expected: "898,30", field: "totalCents", source: "https://productie.xerius.be/fr-be/devenir-independant/votre-preparation/cotisations-sociales-starter" },
  { year: 2025, category: "main", income: "12.000,00", feeBp: 405, expected: "907,01", field: "totalCents", source: "https://www.ucm.be/faq/cotisations-sociales/comment-se-calcule-ma-cotisation-sociale-trimestrielle" },
  { year: 2025, category: "main", income: "12.000,00", feeBp: 390, expected: "905,71", field: "totalCents", source: "https://eloya.be/nl/nieuws/zelfstandige-sociale-bijdragen-2025/" },
  { year: 2025, category: "main", income: "5.000,00", primoStarter: true, feeBp: 305, expected: "463,88", field: "totalCents", source: "https://liberoo.be/blog/optimaliseer-jij-je-sociale-bijdragen" },
  { year: 2025, category: "complementary", income: "1.881,76", feeBp: 305, expected: "99,38", field: "totalCents", source: "https://www.acerta.be/nl/zelfstandigen/themas-en-dossiers/sociaal-statuut/student-zelfstandige" },
  { year: 2025, category: "helping-spouse", income: "0", feeBp: 305, expected: "382,94", field: "contributionCents", source: "https://billy.tech/nl/de-meewerkende-echtgenoot/" },
  { year: 2025, category: "active-pensioner", income: "3.763,51", feeBp: 305, expected: "142,53", field: "totalCents", source: "https://dexxter.be/sociale-bijdragen-gepensioneerd-zelfstandige" },
  { year: 2026, category: "main", income: "0", feeBp: 305, expected: "890,42", field: "contributionCents", source: "https://blog.tamtam.pro/fr/article/cotisations-sociales-2026-des-independants-ce-qui-change-ce-qui-se-confirme-et-ce-quil-faut-anticiper/29759" },
  { year: 2026, category: "main", income: "200.000,00", feeBp: 305, expected: "5.103,05", field: "contributionCents", source: "https://blog.tamtam.pro/fr/article/cotisations-sociales-2026-des-independants-ce-qui-change-ce-qui-se-confirme-et-ce-quil-faut-anticiper/29759" },
];

// DERIVED rows (docs/domain.md §3.5, §4, §15): computed by us from sourced parameters, not published.
const DERIVED: Row[] = [
  { year: 2023, category: "main", income: "0", feeBp: 0, expected: "840,97", field: "contributionCents", source: "derived: docs/domain.md §3.5" },
  { year: 2024, category: "main", income: "150.000,00", feeBp: 0, expected: "4.952,48", field: "contributionCents", source: "derived: docs/domain.md §3.5 maximum 2024" },
  { year: 2025, category: "main", income: "150.000,00", feeBp: 0, expected: "4.995,78", field: "contributionCents", source: "derived: docs/domain.md §3.5 maximum 2025" },
  { year: 2025, category: "main", income: "30.000,00", feeBp: 0, expected: "1.537,50", field: "contributionCents", source: "derived: docs/domain.md §15 D1" },
  { year: 2025, category: "main", income: "100.000,00", feeBp: 0, expected: "4.704,14", field: "contributionCents", source: "derived: docs/domain.md §15 D2" },
  { year: 2025, category: "main", income: "12.000,00", feeBp: 0, expected: "871,71", field: "contributionCents", source: "derived: docs/domain.md §15 D3" },
  { year: 2025, category: "complementary", income: "1.500,00", feeBp: 0, expected: "0,00", field: "contributionCents", source: "derived: docs/domain.md §15 D4" },
  { year: 2025, category: "complementary", income: "12.000,00", feeBp: 0, expected: "615,00", field: "contributionCents", source: "derived: docs/domain.md §15 D5" },
  { year: 2025, category: "student", income: "12.000,00", feeBp: 0, expected: "179,15", field: "contributionCents", source: "derived: docs/domain.md §15 D7" },
  { year: 2024, category: "main", income: "0", primoStarter: true, feeBp: 0, expected: "446,25", field: "contributionCents", source: "derived: docs/domain.md §4.2" },
  { year: 2025, category: "main", income: "0", primoStarter: true, feeBp: 0, expected: "450,15", field: "contributionCents", source: "derived: docs/domain.md §4.2" },
  { year: 2026, category: "main", income: "0", primoStarter: true, feeBp: 0, expected: "459,82", field: "contributionCents", source: "derived: docs/domain.md §4.2" },
  { year: 2024, category: "complementary", income: "1.865,45", feeBp: 0, expected: "95,60", field: "contributionCents", source: "derived: docs/domain.md §4.3" },
  { year: 2026, category: "complementary", income: "1.922,16", feeBp: 0, expected: "98,51", field: "contributionCents", source: "derived: docs/domain.md §4.3" },
  { year: 2024, category: "helping-spouse", income: "0", feeBp: 0, expected: "379,62", field: "contributionCents", source: "derived: docs/domain.md §4.5" },
  { year: 2026, category: "helping-spouse", income: "0", feeBp: 0, expected: "391,16", field: "contributionCents", source: "derived: docs/domain.md §4.5" },
];

describe("quarterlyContribution — published figures", () => {
  it.each(PUBLISHED)("$year $category income $income fee $feeBp bp → $expected ($field) — $source", (row) => {
    const r = quarterlyContribution({
      year: row.year,
      category: row.category,
      annualIncomeCents: eur(row.income),
      primoStarter: row.primoStarter,
      managementFeeBp: row.feeBp,
    });
    expect(r[row.field]).toBe(eur(row.expected));
  });
});

describe("quarterlyContribution — derived figures (labelled derived, to confirm)", () => {
  it.each(DERIVED)("$year $category income $income → $expected — $source", (row) => {
    const r = quarterlyContribution({
      year: row.year,
      category: row.category,
      annualIncomeCents: eur(row.income),
      primoStarter: row.primoStarter,
      managementFeeBp: row.feeBp,
    });
    expect(r[row.field]).toBe(eur(row.expected));
  });
});

describe("quarterlyContribution — rules and breakdown", () => {
  it("breakdown lines are data and band/rounding lines sum to the contribution", () => {
    const r = quarterlyContribution({ year: 2025, category: "main", annualIncomeCents: 10_000_000, managementFeeBp: 305 });
    const codes = r.breakdown.map((l) => l.code);
    expect(codes).toEqual([
      "contribution.incomeBase",
      "contribution.band1",
      "contribution.band2",
      "contribution.rounding",
      "contribution.quarterly",
      "contribution.managementFee",
      "contribution.total",
    ]);
    const parts = r.breakdown
      .filter((l) => l.code.startsWith("contribution.band") || l.code === "contribution.rounding")
      .reduce((s, l) => s + (l.amountCents ?? 0), 0);
    expect(parts).toBe(r.contributionCents);
    expect(r.totalCents).toBe(r.contributionCents + r.managementFeeCents);
  });

  it("no rounding line when bands already sum exactly; floor line when the minimum applies", () => {
    const r = quarterlyContribution({ year: 2025, category: "main", annualIncomeCents: 3_000_000, managementFeeBp: 0 });
    expect(r.breakdown.some((l) => l.code === "contribution.rounding")).toBe(false);
    const low = quarterlyContribution({ year: 2025, category: "main", annualIncomeCents: -500_000, managementFeeBp: 0 });
    expect(low.breakdown.find((l) => l.code === "contribution.floorApplied")?.params).toEqual({ minimum: "minimumIncomeCents" });
    expect(low.contributionCents).toBe(87171);
  });

  it("helping spouse above its minimum pays on its income", () => {
    const r = quarterlyContribution({ year: 2025, category: "helping-spouse", annualIncomeCents: 2_000_000, managementFeeBp: 0 });
    expect(r.contributionCents).toBe(102500);
  });

  it("complementary: nothing below the threshold, full bands from it", () => {
    const below = quarterlyContribution({ year: 2024, category: "complementary", annualIncomeCents: 186544, managementFeeBp: 305 });
    expect(below.totalCents).toBe(0);
    expect(below.breakdown.map((l) => l.code)).toContain("contribution.belowThreshold");
  });

  it("art. 37: threshold, bands, and main regime above the ceiling (minimum included)", () => {
    const p = 2024;
    expect(quarterlyContribution({ year: p, category: "art37", annualIncomeCents: 100_000, managementFeeBp: 0 }).contributionCents).toBe(0);
    expect(quarterlyContribution({ year: p, category: "art37", annualIncomeCents: 800_000, managementFeeBp: 0 }).contributionCents).toBe(41000);
    const above = quarterlyContribution({ year: p, category: "art37", annualIncomeCents: 900_000, managementFeeBp: 0 });
    expect(above.contributionCents).toBe(86415);
    expect(above.breakdown.map((l) => l.code)).toContain("contribution.art37.aboveCeiling");
    const wellAbove = quarterlyContribution({ year: p, category: "art37", annualIncomeCents: 2_000_000, managementFeeBp: 0 });
    expect(wellAbove.contributionCents).toBe(102500);
  });

  it("student: exempt below A, 20,5 % above A, main regime from B", () => {
    expect(quarterlyContribution({ year: 2025, category: "student", annualIncomeCents: 800_000, managementFeeBp: 0 }).contributionCents).toBe(0);
    const b = quarterlyContribution({ year: 2025, category: "student", annualIncomeCents: 1_700_888, managementFeeBp: 0 });
    expect(b.contributionCents).toBe(87171);
    expect(b.breakdown.map((l) => l.code)).toContain("contribution.student.mainRegime");
  });

  it("active pensioner: 14,70 % band then 14,16 %, nothing below the threshold", () => {
    expect(quarterlyContribution({ year: 2025, category: "active-pensioner", annualIncomeCents: 300_000, managementFeeBp: 0 }).contributionCents).toBe(0);
    // 77.498,93 × 14,7 % + (100.000 − 77.498,93) × 14,16 % = 11.392,34 + 3.186,15 → /4 = 3.644,62 [derived]
    const r = quarterlyContribution({ year: 2025, category: "active-pensioner", annualIncomeCents: 10_000_000, managementFeeBp: 0 });
    expect(r.contributionCents).toBe(364462);
  });

  it("primoStarter is ignored outside main occupation", () => {
    const a = quarterlyContribution({ year: 2025, category: "helping-spouse", annualIncomeCents: 0, primoStarter: true, managementFeeBp: 0 });
    expect(a.contributionCents).toBe(38294);
  });

  it("rejects bad input with domain error codes", () => {
    expect(() => quarterlyContribution({ year: 2025, category: "main", annualIncomeCents: 1.5, managementFeeBp: 0 })).toThrow(RangeError);
    expect(() => quarterlyContribution({ year: 2025, category: "main", annualIncomeCents: 0, managementFeeBp: -1 })).toThrow(DomainError);
    expect(() => quarterlyContribution({ year: 2025, category: "main", annualIncomeCents: 0, managementFeeBp: 1.5 })).toThrow(DomainError);
    expect(() =>
      quarterlyContribution({ year: 2025, category: "other" as Category, annualIncomeCents: 0, managementFeeBp: 0 }),
    ).toThrow(expect.objectContaining({ code: "contribution.unknownCategory" }));
    expect(() => quarterlyContribution({ year: 2019, category: "main", annualIncomeCents: 0, managementFeeBp: 0 })).toThrow(
      expect.objectContaining({ code: "parameters.unknownYear" }),
    );
  });

  it("uses an explicit parameter set (e.g. a staff correction) instead of the built-in one", () => {
    const corrected = withParameterFigures(parametersFor(2026), [
      { year: 2026, key: "contribution.minimumIncomeCents", unit: "cents", valueCents: 1_800_000, source: "https://example.test/ar", status: "confirmed" },
    ]);
    const r = quarterlyContribution({ year: 2026, category: "main", annualIncomeCents: 0, managementFeeBp: 0 }, corrected);
    expect(r.contributionCents).toBe(92250);
  });

  it("throws parameters.missing when a figure is missing", () => {
    const broken = withParameterFigures(parametersFor(2025), [
      { year: 2025, key: "contribution.ceiling1Cents", unit: "cents", source: "", status: "missing" },
    ]);
    expect(() => quarterlyContribution({ year: 2025, category: "main", annualIncomeCents: 0, managementFeeBp: 0 }, broken)).toThrow(
      expect.objectContaining({ code: "parameters.missing" }),
    );
  });
});

describe("quarterlyContribution — properties", () => {
  const years = Object.keys(PARAMETER_SETS).map(Number);
  const arb = fc.record({
    year: fc.constantFrom(...years),
    category: fc.constantFrom(...CATEGORIES),
    primoStarter: fc.boolean(),
    feeBp: fc.integer({ min: 0, max: 500 }),
    a: fc.integer({ min: -1_000_000, max: 30_000_000 }),
    b: fc.integer({ min: -1_000_000, max: 30_000_000 }),
  });

  it("is monotone (non-decreasing) in income", () => {
    fc.assert(
      fc.property(arb, ({ year, category, primoStarter, feeBp, a, b }) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const q = (income: number) =>
          quarterlyContribution({ year, category, annualIncomeCents: income, primoStarter, managementFeeBp: feeBp });
        expect(q(lo).contributionCents).toBeLessThanOrEqual(q(hi).contributionCents);
        expect(q(lo).totalCents).toBeLessThanOrEqual(q(hi).totalCents);
      }),
    );
  });

  it("respects floors and ceilings", () => {
    fc.assert(
      fc.property(arb, ({ year, category, primoStarter, feeBp, a }) => {
        const q = (income: number) =>
          quarterlyContribution({ year, category, annualIncomeCents: income, primoStarter, managementFeeBp: feeBp }).contributionCents;
        const max = quarterlyContribution({ year, category: "main", annualIncomeCents: 1e10, managementFeeBp: 0 }).contributionCents;
        expect(q(a)).toBeGreaterThanOrEqual(0);
        expect(q(a)).toBeLessThanOrEqual(max);
        if (category === "main") {
          const floor = quarterlyContribution({ year, category, annualIncomeCents: 0, primoStarter, managementFeeBp: 0 }).contributionCents;
          expect(q(a)).toBeGreaterThanOrEqual(floor);
        }
        const c2 = PARAMETER_SETS[year].contribution.ceiling2Cents.value as number;
        expect(q(c2 + Math.abs(a))).toBe(q(c2));
      }),
    );
  });

  it("fee is within one cent of rate × contribution", () => {
    fc.assert(
      fc.property(arb, ({ year, category, primoStarter, feeBp, a }) => {
        const r = quarterlyContribution({ year, category, annualIncomeCents: a, primoStarter, managementFeeBp: feeBp });
        expect(Math.abs(r.managementFeeCents - (r.contributionCents * feeBp) / 10_000)).toBeLessThanOrEqual(0.5);
        expect(r.totalCents).toBe(r.contributionCents + r.managementFeeCents);
      }),
    );
  });
});

describe("breakdown lines are message keys, never human text", () => {
  it("every code is a dotted key and params are numbers or strings", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(2023, 2024, 2025, 2026),
        fc.constantFrom(...CATEGORIES),
        fc.integer({ min: 0, max: 20_000_000 }),
        (year, category, income) => {
          const r = quarterlyContribution({ year, category, annualIncomeCents: income, managementFeeBp: 305 });
          for (const l of r.breakdown) {
            expect(l.code).toMatch(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9-]+)+$/);
            for (const v of Object.values(l.params)) expect(["number", "string"]).toContain(typeof v);
          }
        },
      ),
    );
  });
});
