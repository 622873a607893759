import { describe, it, expect } from "vitest";
import {
  allowedRequestTransitions,
  charterDeadlines,
  isJudicialRecoveryStep,
  isTerminalRequestState,
  moveRecoveryStep,
  nextRecoveryStep,
  nextRecoverySteps,
  pausesFromTransitions,
  REQUEST_STATES,
  REQUEST_TYPES,
  transitionRequest,
} from "../../../lib/domain";

describe("request state machine", () => {
  it("decision requests: draft → submitted → in-review → information-requested → in-review → accepted → closed", () => {
    const path = ["draft", "submitted", "in-review", "information-requested", "in-review", "accepted", "closed"] as const;
    for (let i = 1; i < path.length; i++) expect(transitionRequest("payment-plan", path[i - 1], path[i])).toEqual({ ok: true, state: path[i] });
    expect(transitionRequest("reduction", "in-review", "refused").ok).toBe(true);
    expect(transitionRequest("reduction", "in-review", "closed")).toEqual({ ok: false, code: "request.transitionNotAllowed" });
    expect(transitionRequest("reduction", "closed", "in-review").ok).toBe(false);
  });
  it("questions and complaints are answered and closed, never accepted/refused", () => {
    expect(allowedRequestTransitions("question", "in-review")).toEqual(["information-requested", "closed", "withdrawn"]);
    expect(transitionRequest("complaint", "in-review", "accepted").ok).toBe(false);
    expect(allowedRequestTransitions("question", "draft")).toEqual(["submitted", "withdrawn"]);
  });
  it("every type and state is covered; terminal states have no way out", () => {
    expect(REQUEST_TYPES).toHaveLength(15);
    for (const t of REQUEST_TYPES)
      for (const s of REQUEST_STATES) expect(allowedRequestTransitions(t, s).length === 0).toBe(isTerminalRequestState(s));
  });
  it("pauses of the Charte clock come from the information-requested stays", () => {
    const history = [
      { to: "submitted" as const, on: "2025-01-10" },
      { to: "information-requested" as const, on: "2025-02-01" },
      { to: "information-requested" as const, on: "2025-02-03" },
      { to: "in-review" as const, on: "2025-02-11" },
      { to: "information-requested" as const, on: "2025-03-01" },
    ];
    const pauses = pausesFromTransitions(history, "2025-03-06");
    expect(pauses).toEqual([
      { from: "2025-02-01", to: "2025-02-11" },
      { from: "2025-03-01", to: "2025-03-06" },
    ]);
    expect(charterDeadlines({ filedOn: "2025-01-10", pauses }).pausedDays).toBe(15);
    expect(pausesFromTransitions([{ to: "in-review", on: "2025-01-01" }], "2025-02-01")).toEqual([]);
  });
});

describe("recovery steps", () => {
  const logged = { personalContactLoggedOn: "2025-05-01" };
  const none = { personalContactLoggedOn: null };
  it("follows reminder → account-statement → formal-notice → personal-contact → bailiff|lawyer → proceedings", () => {
    expect(nextRecoverySteps(null)).toEqual(["reminder"]);
    expect(nextRecoveryStep(null, none)).toBe("reminder");
    expect(nextRecoveryStep("reminder", none)).toBe("account-statement");
    expect(nextRecoveryStep("formal-notice", none)).toBe("personal-contact");
    expect(nextRecoverySteps("personal-contact")).toEqual(["bailiff", "lawyer", "closed", "written-off"]);
    expect(nextRecoveryStep("personal-contact", logged)).toBe("bailiff");
    expect(nextRecoveryStep("bailiff", logged)).toBe("proceedings");
    expect(nextRecoveryStep("proceedings", logged)).toBeNull();
    expect(nextRecoverySteps("closed")).toEqual([]);
  });
  it("judicial handover requires a logged personal contact", () => {
    expect(moveRecoveryStep("personal-contact", "lawyer", none)).toEqual({ ok: false, code: "recovery.personalContactRequired" });
    expect(nextRecoveryStep("personal-contact", none)).toBeNull();
    expect(moveRecoveryStep("personal-contact", "lawyer", logged)).toEqual({ ok: true, step: "lawyer" });
    expect(moveRecoveryStep("reminder", "bailiff", logged)).toEqual({ ok: false, code: "recovery.stepNotAllowed" });
    expect(moveRecoveryStep("formal-notice", "written-off", none)).toEqual({ ok: true, step: "written-off" });
    expect(isJudicialRecoveryStep("proceedings")).toBe(true);
    expect(isJudicialRecoveryStep("reminder")).toBe(false);
  });
});
