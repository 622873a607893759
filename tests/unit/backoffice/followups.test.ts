// Pure parts of the back-office follow-ups: the document download helper, the quarters of the first calls, the
// schedule of an approved plan, the INASTI steps, the forwarded badge, the welcome pack's text and the forms.
import { describe, expect, it } from "vitest";
import { documentResponse, attachmentName } from "@/lib/http/document-response";
import { NotFoundError } from "@/lib/errors";
import { firstCallQuarters, MAX_FIRST_CALL_QUARTERS } from "@/lib/domain/first-call-quarters";
import { approvedPlanSchedule, planOutsidePolicy } from "@/lib/domain/approved-plan-schedule";
import { availableDecisions, checkDecision, inastiStep, isInastiRequest } from "@/lib/dal/internal/request-workflow";
import { toDomainState } from "@/lib/db/enums";
import { deadlineBadge } from "@/lib/domain/request-deadlines";
import { welcomePackText, type WelcomePackInput } from "@/lib/letters/welcome-pack";
import { forwardInastiSchema, inastiDecisionSchema } from "@/lib/schemas/backoffice-forms";

describe("documentResponse", () => {
  it("serves the bytes as a private, non-sniffed attachment with a safe name", async () => {
    const res = await documentResponse(async () => ({ fileName: 'décision "D-1".pdf', content: new Uint8Array([37, 80, 68, 70]) }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="d_cision__D-1_.pdf"');
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([37, 80, 68, 70]);
    const csv = await documentResponse(async () => ({ fileName: "a.csv", content: new Uint8Array([65]), mimeType: "text/csv" }));
    expect(csv.headers.get("content-type")).toBe("text/csv");
    expect(attachmentName("../../etc/passwd")).toBe(".._.._etc_passwd");
  });
  it("turns a NotFoundError into a bare 404 and lets other errors through", async () => {
    const res = await documentResponse(async () => {
      throw new NotFoundError("document");
    });
    expect(res.status).toBe(404);
    expect(await res.text()).toBe("");
    await expect(documentResponse(async () => { throw new Error("boom"); })).rejects.toThrow("boom");
  });
});

describe("first calls of a new affiliate", () => {
  it("runs from the start quarter to today's quarter", () => {
    expect(firstCallQuarters("2026-05-15", "2026-11-28")).toEqual(["2026-Q2", "2026-Q3", "2026-Q4"]);
    expect(firstCallQuarters("2026-12-01", "2026-11-28")).toEqual(["2026-Q4"]);
    expect(firstCallQuarters("2025-12-31", "2026-01-01")).toEqual(["2025-Q4", "2026-Q1"]);
    expect(firstCallQuarters("2027-01-04", "2026-11-28")).toEqual([]);
  });
  it("goes back at most five years", () => {
    const q = firstCallQuarters("2015-01-01", "2026-11-28");
    expect(q).toHaveLength(MAX_FIRST_CALL_QUARTERS);
    expect(q[0]).toBe("2022-Q1");
    expect(q.at(-1)).toBe("2026-Q4");
  });
});

describe("approved plan schedule", () => {
  it("follows the approved terms outside policy, with the advance due in 15 days and the debt exactly covered", () => {
    const terms = { debtCents: 300_001, advanceCents: 30_000, months: 24 };
    expect(planOutsidePolicy({ ...terms, firstInstalmentOn: "2026-12-28" })).toEqual(["too-many-months"]);
    const s = approvedPlanSchedule(terms, "2026-11-28");
    if (!s.ok) throw new Error("expected a schedule");
    expect(s.advanceDueOn).toBe("2026-12-13");
    expect(s.instalments).toHaveLength(24);
    expect(s.instalments[0]).toEqual({ number: 1, dueOn: "2026-12-28", amountCents: 11_251 });
    expect(s.instalments[23].dueOn).toBe("2028-11-28");
    expect(terms.advanceCents + s.instalments.reduce((x, i) => x + i.amountCents, 0)).toBe(terms.debtCents);
    // tiny instalments approved by a second staff member are kept
    expect(approvedPlanSchedule({ debtCents: 10_000, advanceCents: 1_000, months: 9 }, "2026-11-28").ok).toBe(true);
  });
  it("refuses impossible terms", () => {
    expect(approvedPlanSchedule({ debtCents: 0, advanceCents: 0, months: 3 }, "2026-11-28")).toEqual({ ok: false, refusals: ["no-debt"] });
    expect(approvedPlanSchedule({ debtCents: 1_000, advanceCents: 2_000, months: 3 }, "2026-11-28")).toEqual({ ok: false, refusals: ["advance-exceeds-debt"] });
  });
});

describe("INASTI steps", () => {
  it("forward in review, record once forwarded, only for exemptions and surcharge waivers", () => {
    expect(isInastiRequest("EXEMPTION")).toBe(true);
    expect(isInastiRequest("SURCHARGE_WAIVER")).toBe(true);
    expect(isInastiRequest("REDUCTION")).toBe(false);
    expect(inastiStep("EXEMPTION", "IN_REVIEW")).toBe("forward");
    expect(inastiStep("EXEMPTION", "SUBMITTED")).toBeNull();
    expect(inastiStep("SURCHARGE_WAIVER", "FORWARDED")).toBe("record");
    expect(inastiStep("SURCHARGE_WAIVER", "ACCEPTED")).toBeNull();
    expect(inastiStep("REDUCTION", "IN_REVIEW")).toBeNull();
    expect(toDomainState("FORWARDED")).toBe("forwarded");
    expect(availableDecisions("EXEMPTION", "IN_REVIEW")).toEqual(["ask-information"]);
    expect(availableDecisions("EXEMPTION", "FORWARDED")).toEqual([]);
    expect(checkDecision("EXEMPTION", "FORWARDED", "accept")).toEqual({ ok: false, code: "forwardedToInasti" });
    expect(checkDecision("EXEMPTION", "IN_REVIEW", "accept")).toEqual({ ok: false, code: "request.transitionNotAllowed" });
  });
  it("a forwarded request runs on INASTI's clock: its badge says so even past the fund's deadline", () => {
    expect(deadlineBadge({ dueOn: "2026-01-01", today: "2026-11-28", paused: false, forwarded: true })).toBe("forwarded");
    expect(deadlineBadge({ dueOn: "2026-01-01", today: "2026-11-28", paused: false })).toBe("late");
  });
  it("the forms: dates are real days, the outcome and INASTI's reference are required", () => {
    expect(forwardInastiSchema.safeParse({ requestId: "r1", sentOn: "2026-11-20" }).success).toBe(true);
    const bad = forwardInastiSchema.safeParse({ requestId: "r1", sentOn: "2026-02-30" });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.message)).toEqual(["dateInvalid"]);
    const missing = inastiDecisionSchema.safeParse({ requestId: "r1", outcome: "", decidedOn: "20-11-2026", inastiReference: " ", note: "" });
    expect(missing.success ? [] : missing.error.issues.map((i) => i.message).sort()).toEqual(["dateInvalid", "inastiReferenceRequired", "outcomeRequired"]);
    expect(inastiDecisionSchema.parse({ requestId: "r1", outcome: "accepted", decidedOn: "2026-11-27", inastiReference: " RSVZ-1 ", note: "" }).inastiReference).toBe("RSVZ-1");
  });
});

describe("welcome pack", () => {
  const input: WelcomePackInput = {
    locale: "fr",
    date: "2026-11-28",
    addressee: "Elise Wouters",
    address: ["Rue Haute 5", "1000 Bruxelles"],
    memberNumber: "102345",
    category: "MAIN",
    startOn: "2026-12-01",
    advisorName: "Sophie Lambert",
    fund: { name: "Caisse Démo", iban: "BE68539007547034", bic: "GKCCBEBB", address: "Rue Royale 1, 1000 Bruxelles", phone: "02 555 00 00", email: "info@demo.caisse.be" },
    baseUrl: "https://portail.example/",
  };
  const all = (c: ReturnType<typeof welcomePackText>) => [c.title, ...c.blocks.map((b) => `${b.heading ?? ""}\n${b.text}`)].join("\n");

  it("states the member number, category, contact, how to pay (the fund's IBAN) and the links, in French", () => {
    const text = all(welcomePackText(input));
    expect(text).toContain("Bienvenue à Caisse Démo");
    expect(text).toContain("102345");
    expect(text).toContain("Indépendant à titre principal");
    expect(text).toContain("1er décembre 2026");
    expect(text).toContain("Sophie Lambert suit votre dossier");
    expect(text).toContain("BE68 5390 0754 7034");
    expect(text).toContain("dernier jour du trimestre");
    expect(text).toContain("https://portail.example/guides/starting");
    expect(text).toContain("https://portail.example/guides/payment-difficulties");
    expect(text).toContain("https://portail.example/simulator");
    // the service commitment in short: its promises, not the whole charter
    expect(text).toContain("une décision dans les 4 mois");
    expect(text).toContain("contact avec vous");
    expect(text.length).toBeLessThan(6000);
  });
  it("in Dutch, and without a named advisor", () => {
    const text = all(welcomePackText({ ...input, locale: "nl", advisorName: null, category: "HELPING_SPOUSE", baseUrl: "" }));
    expect(text).toContain("Welkom bij Caisse Démo");
    expect(text).toContain("Meewerkende echtgenoot (maxistatuut)");
    expect(text).toContain("Een adviseur volgt uw dossier");
    expect(text).toContain("Starten als zelfstandige: /guides/starting");
    expect(text).not.toContain("Bienvenue");
  });
});
