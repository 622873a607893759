import { describe, expect, it } from "vitest";
import { availableDecisions, checkDecision, checkSecondApprover, deadlineKind, needsSecondApproval } from "@/lib/dal/internal/request-workflow";
import { planOutsidePolicy } from "@/lib/domain/approved-plan-schedule";
import { toDbStatus, toDomainState } from "@/lib/db/enums";
import { daysLeft, deadlineBadge, effectiveDueOn } from "@/lib/domain/request-deadlines";
import { checkRecoveryMove, currentDomainStep, nextDbSteps } from "@/lib/dal/internal/recovery-workflow";
import { prescription } from "@/lib/domain/prescription";
import { classifySearch } from "@/lib/domain/classify-search";
import { mergeTimeline } from "@/lib/dal/internal/timeline";
import { viewReason } from "@/lib/dto/dossiers";
import { decisionSchema, recoveryStepSchema } from "@/lib/schemas/backoffice-forms";
import { decisionLetterText } from "@/lib/letters/decision-letter";
import { recoveryLetterText } from "@/lib/letters/recovery-letter";

describe("request decisions", () => {
  it("maps stored statuses onto the domain's states and back", () => {
    expect(toDomainState("INFORMATION_REQUESTED")).toBe("information-requested");
    expect(toDomainState("AWAITING_SECOND_APPROVAL")).toBe("in-review");
    expect(toDbStatus("in-review")).toBe("IN_REVIEW");
  });

  it("follows the domain's state machine", () => {
    expect(checkDecision("REDUCTION", "IN_REVIEW", "refuse")).toEqual({ ok: true, state: "refused" });
    expect(checkDecision("REDUCTION", "SUBMITTED", "accept")).toEqual({ ok: false, code: "request.transitionNotAllowed" });
    expect(checkDecision("REDUCTION", "AWAITING_SECOND_APPROVAL", "accept")).toEqual({ ok: false, code: "fourEyesPending" });
    expect(availableDecisions("REDUCTION", "SUBMITTED")).toEqual(["start-review"]);
    expect(availableDecisions("REDUCTION", "IN_REVIEW")).toEqual(["accept", "refuse", "ask-information"]);
    expect(availableDecisions("QUESTION", "IN_REVIEW")).toEqual(["ask-information", "close"]);
    expect(availableDecisions("REDUCTION", "INFORMATION_REQUESTED")).toEqual(["information-received"]);
    expect(availableDecisions("REDUCTION", "AWAITING_SECOND_APPROVAL")).toEqual([]);
    expect(availableDecisions("REDUCTION", "REFUSED")).toEqual(["close"]);
  });

  it("asks for four eyes on refusals and on plans outside policy only", () => {
    expect(needsSecondApproval({ type: "REDUCTION", decision: "refuse" })).toBe(true);
    expect(needsSecondApproval({ type: "REDUCTION", decision: "accept" })).toBe(false);
    const outside = planOutsidePolicy({ debtCents: 300_000, advanceCents: 30_000, months: 24, firstInstalmentOn: "2026-12-01" });
    expect(outside).toEqual(["too-many-months"]);
    expect(needsSecondApproval({ type: "PAYMENT_PLAN", decision: "accept", planRefusals: outside })).toBe(true);
    expect(needsSecondApproval({ type: "PAYMENT_PLAN", decision: "accept", planRefusals: [] })).toBe(false);
  });

  it("never lets the proposer approve", () => {
    expect(checkSecondApprover({ status: "AWAITING_SECOND_APPROVAL", proposedById: "u1", approverId: "u1" })).toEqual({ ok: false, code: "fourEyesSameStaff" });
    expect(checkSecondApprover({ status: "AWAITING_SECOND_APPROVAL", proposedById: "u1", approverId: "u2" })).toEqual({ ok: true });
    expect(checkSecondApprover({ status: "IN_REVIEW", proposedById: null, approverId: "u2" })).toEqual({ ok: false, code: "fourEyesNothingToApprove" });
  });

  it("answers questions within 45 days and decides the rest within 4 months", () => {
    expect(deadlineKind("QUESTION")).toBe("information");
    expect(deadlineKind("PAYMENT_PLAN")).toBe("decision");
  });
});

describe("deadlines", () => {
  it("badges the time left in words", () => {
    expect(deadlineBadge({ dueOn: "2026-11-27", today: "2026-11-28", paused: false })).toBe("late");
    expect(deadlineBadge({ dueOn: "2026-11-28", today: "2026-11-28", paused: false })).toBe("at-risk");
    expect(deadlineBadge({ dueOn: "2026-12-12", today: "2026-11-28", paused: false })).toBe("at-risk");
    expect(deadlineBadge({ dueOn: "2026-12-13", today: "2026-11-28", paused: false })).toBe("on-time");
    expect(deadlineBadge({ dueOn: "2026-11-01", today: "2026-11-28", paused: true })).toBe("paused");
    expect(daysLeft("2026-12-01", "2026-11-28")).toBe(3);
  });

  it("pushes a paused deadline by the days of the pause", () => {
    expect(effectiveDueOn({ dueOn: "2027-03-01", pausedSince: "2026-11-18", today: "2026-11-28" })).toBe("2027-03-11");
    expect(effectiveDueOn({ dueOn: "2027-03-01", pausedSince: null, today: "2026-11-28" })).toBe("2027-03-01");
    expect(effectiveDueOn({ dueOn: "2027-03-01", pausedSince: "2026-12-01", today: "2026-11-28" })).toBe("2027-03-01");
  });
});

describe("recovery", () => {
  it("needs a logged personal contact before any judicial step", () => {
    const base = { history: ["REMINDER", "ACCOUNT_STATEMENT", "FORMAL_NOTICE"] as const, planInForce: false, status: "OPEN" };
    expect(checkRecoveryMove({ ...base, history: [...base.history], to: "BAILIFF", personalContactOn: null })).toEqual({ ok: false, code: "recovery.stepNotAllowed" });
    const afterContact = [...base.history, "PERSONAL_CONTACT" as const];
    expect(checkRecoveryMove({ ...base, history: afterContact, to: "BAILIFF", personalContactOn: null })).toEqual({ ok: false, code: "recovery.personalContactRequired" });
    expect(checkRecoveryMove({ ...base, history: afterContact, to: "LAWYER", personalContactOn: "2026-11-01" })).toEqual({ ok: true });
    expect(checkRecoveryMove({ ...base, history: afterContact, to: "ACCOUNT_STATEMENT", personalContactOn: "2026-11-01", planInForce: true })).toEqual({ ok: false, code: "recovery.suspendedByPlan" });
    expect(checkRecoveryMove({ ...base, history: [...afterContact, "BAILIFF", "HEARING"], to: "JUDGMENT", personalContactOn: "2026-11-01" })).toEqual({ ok: true });
    expect(checkRecoveryMove({ ...base, history: [...base.history], to: "CLOSED", personalContactOn: null, status: "CLOSED" })).toEqual({ ok: false, code: "recovery.closed" });
  });

  it("reads the current step through suspensions and offers the next ones", () => {
    expect(currentDomainStep(["REMINDER", "SUSPENDED", "RESUMED"])).toBe("reminder");
    expect(currentDomainStep([])).toBeNull();
    expect(nextDbSteps(["REMINDER"])).toEqual(["ACCOUNT_STATEMENT", "CLOSED"]);
    expect(nextDbSteps(["REMINDER", "ACCOUNT_STATEMENT", "FORMAL_NOTICE", "PERSONAL_CONTACT", "BAILIFF"])).toEqual(["HEARING", "CLOSED"]);
    expect(nextDbSteps(["REMINDER", "ACCOUNT_STATEMENT", "FORMAL_NOTICE", "PERSONAL_CONTACT", "LAWYER", "HEARING"])).toEqual(["HEARING", "JUDGMENT", "CLOSED"]);
  });

  it("warns six months before the 5-year prescription", () => {
    // a 2021 contribution prescribes on 1 January 2027 (5 years from 1 January of the following year)
    expect(prescription("2021-03-31", "2026-06-30")).toEqual({ prescribesOn: "2027-01-01", state: "ok" });
    expect(prescription("2021-12-31", "2026-07-01")).toEqual({ prescribesOn: "2027-01-01", state: "soon" });
    expect(prescription("2021-03-31", "2026-12-31")).toEqual({ prescribesOn: "2027-01-01", state: "soon" });
    expect(prescription("2021-03-31", "2027-01-01")).toEqual({ prescribesOn: "2027-01-01", state: "prescribed" });
  });
});

describe("search query", () => {
  it("recognises identifiers and names", () => {
    expect(classifySearch("85.07.30-033.61")).toEqual({ kind: "niss", value: "85073003361" });
    expect(classifySearch("BE 0403.170.701")).toMatchObject({ kind: "enterprise", value: "0403170701" });
    expect(classifySearch("+++090/9337/55493+++")).toEqual({ kind: "communication", value: "090933755493" });
    expect(classifySearch("BE68 5390 0754 7034")).toEqual({ kind: "iban", value: "BE68539007547034" });
    expect(classifySearch("Duboiss")).toEqual({ kind: "name", value: "Duboiss" });
    expect(classifySearch(" x ")).toBeNull();
  });
});

describe("dossier", () => {
  it("accepts only known consultation reasons", () => {
    expect(viewReason("phone")).toBe("phone");
    expect(viewReason("anything")).toBe("consultation");
    expect(viewReason(undefined)).toBe("consultation");
  });

  it("merges one timeline, the most recent first", () => {
    const t = mergeTimeline(
      [{ at: "2026-11-01", kind: "ledger", params: {} }],
      [{ at: "2026-11-01T10:00:00.000Z", kind: "note", params: {} }, { at: "2026-11-05T10:00:00.000Z", kind: "request", params: {} }],
    );
    expect(t.map((e) => e.kind)).toEqual(["request", "ledger", "note"]);
  });
});

describe("forms", () => {
  it("requires a reason for a refusal and parses euros", () => {
    expect(decisionSchema.safeParse({ requestId: "r", decision: "refuse", reasonCode: "", text: "" }).success).toBe(false);
    expect(decisionSchema.safeParse({ requestId: "r", decision: "accept", reasonCode: "", text: "" }).success).toBe(true);
    expect(recoveryStepSchema.safeParse({ caseId: "c", kind: "BAILIFF", note: "", cost: "12,3x" }).success).toBe(false);
  });
});

describe("decision letter", () => {
  const input = {
    reference: "D-2026-000001",
    type: "REDUCTION",
    filedOn: "2026-11-02",
    decidedOn: "2026-11-28",
    addressee: "Julie Dubois",
    address: ["Rue 1", "5000 Namur"],
    memberNumber: "100001",
    reasonCode: "noObjectiveElements",
    reasonText: "Pas de pièces.",
    contactName: "Sophie Lambert",
    fund: { name: "Caisse", address: "Rue de la Loi 16", phone: "+32 2 000 00 00", email: "info@demo.caisse.be" },
  };
  it("states reasons, legal basis, appeal route and contact in the affiliate's language", () => {
    const fr = JSON.stringify(decisionLetterText({ ...input, locale: "fr" }));
    expect(fr).toContain("La demande n'est pas appuyée par des éléments objectifs.");
    expect(fr).toContain("Pas de pièces.");
    expect(fr).toContain("article 11, § 3");
    expect(fr).toContain("tribunal du travail");
    expect(fr).toContain("trois mois");
    expect(fr).toContain("Sophie Lambert");
    const nl = JSON.stringify(decisionLetterText({ ...input, locale: "nl" }));
    expect(nl).toContain("arbeidsrechtbank");
    expect(nl).toContain("drie maanden");
    expect(nl).toContain("Vermindering");
  });
});

describe("recovery letters", () => {
  it("announce the personal contact before any bailiff in the formal notice, with the unpaid calls", () => {
    const input = {
      step: "FORMAL_NOTICE" as const,
      on: "2026-11-28",
      addressee: "Julie Dubois",
      address: [],
      memberNumber: "100001",
      debtCents: 123_456,
      oldestDueOn: "2026-09-30",
      lines: [{ kind: "PROVISIONAL" as const, year: 2026, quarter: 3, amountCents: 123_456 }],
      contactName: "Sophie Lambert",
      fund: null,
    };
    const fr = JSON.stringify(recoveryLetterText({ ...input, locale: "fr" }));
    expect(fr).toContain("Mise en demeure");
    expect(fr).toContain("prendra contact personnellement avec vous avant toute remise du dossier à un huissier");
    expect(fr).toContain("Cotisation provisoire du 3e trimestre 2026 : ");
    expect(fr).toMatch(/1\s?234,56/);
    const nl = JSON.stringify(recoveryLetterText({ ...input, locale: "nl", step: "REMINDER" }));
    expect(nl).toContain("Betalingsherinnering");
    expect(nl).toContain("Voorlopige bijdrage voor het 3e kwartaal 2026: ");
  });
});
