// The decision letters of continued insurance and of a release from joint liability (issue #18 part 2): the period and
// the option, the company and the years, and the legal basis, in the letter languages (fr, nl, de).
import { describe, expect, it } from "vitest";
import { decisionLetterText } from "@/lib/letters/decision-letter";
import { serverTranslator } from "@/lib/i18n/translator";
import { letterBase } from "../../fixtures/decision-letter";

const base = letterBase("D-2026-000010");

describe("continued insurance and joint-liability release letters", () => {
  it("continued insurance: the option and the period in words, no amount invented, its legal basis", () => {
    const fr = serverTranslator("fr", "bo_letter");
    const q = (quarter: number, year: number) => fr("effect.quarterPlain", { quarter, year });
    const effect = fr("effect.continuedInsurance", { option: "PENSION_AND_HEALTH", from: q(4, 2026), to: q(3, 2028) });
    expect(effect).toContain("pour la pension et les soins de santé, du 4e trimestre 2026 au 3e trimestre 2028 inclus");
    expect(effect).not.toMatch(/€/);
    expect(fr("effect.continuedInsurance", { option: "PENSION", from: q(1, 2027), to: q(1, 2027) })).toContain("pour la pension, du 1er trimestre 2027");
    const letter = JSON.stringify(decisionLetterText({ ...base, locale: "fr", type: "CONTINUED_INSURANCE", effect }));
    expect(letter).toContain("Décision : Assurance continuée");
    expect(letter).toContain("assurance continuée.");
    const nl = serverTranslator("nl", "bo_letter");
    expect(nl("effect.continuedInsurance", { option: "PENSION", from: "1e kwartaal 2027", to: "4e kwartaal 2028" })).toContain("voortgezette verzekering voor het pensioen, van 1e kwartaal 2027 tot en met 4e kwartaal 2028");
  });

  it("joint-liability release: the company and the years, its legal basis (art. 98 of the law of 30 December 1992)", () => {
    const fr = serverTranslator("fr", "bo_letter");
    expect(fr("effect.jointLiabilityRelease", { company: "Acme SRL", years: "2025, 2026", count: 2 })).toContain("cotisation des sociétés de Acme SRL, années 2025, 2026");
    expect(fr("effect.jointLiabilityRelease", { company: "Acme SRL", years: "2025", count: 1 })).toContain("année 2025.");
    const de = JSON.stringify(decisionLetterText({ ...base, locale: "de", type: "JOINT_LIABILITY_RELEASE" }));
    expect(de).toContain("Befreiung von der gesamtschuldnerischen Haftung");
    expect(de).toContain("Artikel 98");
    expect(JSON.stringify(decisionLetterText({ ...base, locale: "nl", type: "JOINT_LIABILITY_RELEASE" }))).toContain("artikel 98");
  });
});
