// The decision letters of the end of activity and the assimilation for illness (issue #18 part 2): their title, legal
// basis and the effect sentence, in both languages, as the letter module renders them.
import { describe, expect, it } from "vitest";
import { decisionLetterText } from "@/lib/letters/decision-letter";
import { serverTranslator } from "@/lib/i18n/translator";
import { letterBase } from "../../fixtures/decision-letter";

const base = letterBase("D-2026-000009");

describe("end of activity and assimilation letters", () => {
  it("end of activity: legal basis, the quarter of cessation with its French ordinal, the cancelled calls", () => {
    const t = serverTranslator("fr", "bo_letter");
    const effect = t("effect.endOfActivity", { lastDay: "15 janvier 2027", quarter: 1, year: 2027, count: 1, cancelled: t("effect.quarter", { quarter: 2, year: 2027 }) });
    expect(effect).toContain("jusqu'au 1er trimestre 2027 inclus");
    expect(effect).toContain("L'avis déjà émis pour le 2e trimestre 2027 est annulé");
    const fr = JSON.stringify(decisionLetterText({ ...base, locale: "fr", type: "END_OF_ACTIVITY", effect }));
    expect(fr).toContain("Décision : Fin d'activité");
    expect(fr).toContain("articles 3 et 12");
    const nl = JSON.stringify(decisionLetterText({ ...base, locale: "nl", type: "END_OF_ACTIVITY" }));
    expect(nl).toContain("Einde activiteit");
    expect(nl).toContain("artikelen 3 en 12");
    expect(serverTranslator("nl", "bo_letter")("effect.endOfActivity", { lastDay: "15 januari 2027", quarter: 1, year: 2027, count: 0, cancelled: "" })).toContain("Er wordt geen reeds verstuurd bericht geannuleerd.");
  });

  it("assimilation: a closed or an open period, and its own legal basis", () => {
    const fr = serverTranslator("fr", "bo_letter");
    const q = (quarter: number, year: number) => fr("effect.quarterPlain", { quarter, year });
    expect(fr("effect.assimilation", { from: q(4, 2026), to: q(2, 2027), count: 2 })).toContain("du 4e trimestre 2026 au 2e trimestre 2027 inclus");
    expect(fr("effect.assimilation", { from: q(1, 2027), to: "open", count: 0 })).toContain("à partir du 1er trimestre 2027, jusqu'à la reprise de votre travail");
    const nl = serverTranslator("nl", "bo_letter");
    expect(nl("effect.assimilation", { from: nl("effect.quarterPlain", { quarter: 4, year: 2026 }), to: "open", count: 1 })).toContain("vanaf het 4e kwartaal 2026");
    const letter = JSON.stringify(decisionLetterText({ ...base, locale: "fr", type: "ILLNESS_ASSIMILATION" }));
    expect(letter).toContain("Assimilation pour cause de maladie");
    expect(letter).toContain("assimilation des périodes d'incapacité de travail");
  });
});
