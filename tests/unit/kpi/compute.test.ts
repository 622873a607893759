import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addMonthsToMonth, aggregate, callObservations, collectionObservations, indicatorValue, monthsBetween, onTrack, recoveryObservations } from "@/lib/kpi/compute";
import { benefitObservations, decisionDeadline, requestObservations, resolution, type RequestRecord } from "@/lib/kpi/compute-requests";
import { INDICATORS } from "@/lib/kpi/indicators";
import { INASTI_QUERIES } from "@/lib/kpi/inasti";
import fr from "@/lib/i18n/messages/fr/dashboards.json";
import nl from "@/lib/i18n/messages/nl/dashboards.json";

const TODAY = "2026-11-28";
const base: RequestRecord = {
  id: "r1", reference: "D-1", type: "REDUCTION", status: "IN_REVIEW", affiliateId: "a1", category: "MAIN", assigneeId: "u1",
  filedOn: "2026-03-02", informationDueOn: null, decisionDueOn: null, pausedDays: 0, decidedOn: null, firstStaffAnswerOn: null, events: [],
};
const ev = (toStatus: RequestRecord["status"], on: string) => ({ on, fromStatus: null, toStatus });
const find = (o: ReturnType<typeof requestObservations>, id: string) => o.find((x) => x.indicator === id);

describe("request indicators", () => {
  it("extends the decision deadline by the paused days (information requested)", () => {
    const r = { ...base, status: "ACCEPTED" as const, events: [ev("SUBMITTED", "2026-03-02"), ev("INFORMATION_REQUESTED", "2026-04-01"), ev("IN_REVIEW", "2026-05-01"), ev("ACCEPTED", "2026-07-20")] };
    expect(decisionDeadline(r, TODAY)).toEqual({ dueOn: "2026-08-01", pausedDays: 30 });
    expect(find(requestObservations(r, TODAY), "decision_4m")).toMatchObject({ ok: true, month: "2026-07-01", value: 140 });
    // without the pause the same decision would be late
    const noPause = { ...r, events: [ev("SUBMITTED", "2026-03-02"), ev("ACCEPTED", "2026-07-20")] };
    expect(find(requestObservations(noPause, TODAY), "decision_4m")?.ok).toBe(false);
  });

  it("an open pause runs until today", () => {
    const r = { ...base, status: "INFORMATION_REQUESTED" as const, events: [ev("SUBMITTED", "2026-03-02"), ev("INFORMATION_REQUESTED", "2026-11-01")] };
    expect(decisionDeadline(r, TODAY).pausedDays).toBe(0); // paused after the 2 July deadline: no extension
    const r2 = { ...r, events: [ev("SUBMITTED", "2026-03-02"), ev("INFORMATION_REQUESTED", "2026-06-01")] };
    expect(decisionDeadline(r2, "2026-06-11")).toEqual({ dueOn: "2026-07-12", pausedDays: 10 });
  });

  it("counts a request still open past its deadline as late, in the month after the deadline", () => {
    const r = { ...base, events: [ev("SUBMITTED", "2026-03-02")] };
    expect(find(requestObservations(r, TODAY), "decision_4m")).toMatchObject({ ok: false, month: "2026-07-01", on: "2026-07-03" });
    expect(find(requestObservations(r, "2026-07-02"), "decision_4m")).toBeUndefined(); // not yet due
  });

  it("treats a reopened request as open again: only its last decision counts", () => {
    const r = { ...base, events: [ev("SUBMITTED", "2026-03-02"), ev("ACCEPTED", "2026-04-01"), ev("CLOSED", "2026-04-02"), ev("IN_REVIEW", "2026-05-01")] };
    expect(resolution(r)).toEqual({ handledOn: null, reopened: true, withdrawn: false });
    expect(find(requestObservations(r, TODAY), "decision_4m")?.ok).toBe(false);
    const redecided = { ...r, events: [...r.events, ev("REFUSED", "2026-06-15")] };
    expect(find(requestObservations(redecided, TODAY), "decision_4m")).toMatchObject({ ok: true, on: "2026-06-15" });
  });

  it("answers questions within 45 days: a staff message or the closing counts, whichever first", () => {
    const q = { ...base, type: "QUESTION", filedOn: "2026-09-01", events: [ev("SUBMITTED", "2026-09-01")] };
    expect(find(requestObservations(q, TODAY), "answer_45d")).toMatchObject({ ok: false, on: "2026-10-17" });
    expect(find(requestObservations({ ...q, firstStaffAnswerOn: "2026-10-16" }, TODAY), "answer_45d")).toMatchObject({ ok: true });
    expect(find(requestObservations(q, TODAY), "decision_4m")).toBeUndefined();
  });

  it("ignores drafts and withdrawn requests for timeliness, and measures affiliation days", () => {
    expect(requestObservations({ ...base, status: "DRAFT" }, TODAY)).toEqual([]);
    const w = { ...base, status: "WITHDRAWN" as const, events: [ev("SUBMITTED", "2026-03-02"), ev("WITHDRAWN", "2026-03-10")] };
    expect(requestObservations(w, TODAY).map((o) => o.indicator)).toEqual(["requests_filed", "outcome:WITHDRAWN"]);
    const a = { ...base, type: "AFFILIATION", status: "ACCEPTED" as const, filedOn: "2026-10-01", events: [ev("SUBMITTED", "2026-10-01"), ev("ACCEPTED", "2026-10-11")] };
    expect(find(requestObservations(a, TODAY), "affiliation_days")).toMatchObject({ numerator: 10, denominator: 1 });
    // without events: the stored status, decision date and deadline are used
    const legacy = { ...base, status: "ACCEPTED" as const, decidedOn: "2026-05-01", decisionDueOn: "2026-07-02" };
    expect(find(requestObservations(legacy, TODAY), "decision_4m")?.ok).toBe(true);
  });
});

describe("benefits, calls, collection, recovery", () => {
  const claim = { id: "b1", reference: "M1", affiliateId: "a1", category: "MAIN", advisorId: "", type: "MATERNITY_AID", grantedAutomatically: false, filedOn: "2026-01-10", createdOn: "2026-01-10" } as const;
  it("benefit paid late owes interest; unpaid past due is late", () => {
    const late = benefitObservations({ ...claim, status: "PAID", paymentDueOn: "2026-05-10", payments: [{ paidOn: "2026-05-20", interestCents: 120 }] }, TODAY);
    expect(late.map((o) => [o.indicator, o.ok])).toEqual([["benefit_paid_4m", false], ["benefit_interest", true], ["benefit_automatic", false]]);
    const unpaid = benefitObservations({ ...claim, status: "GRANTED", grantedAutomatically: true, paymentDueOn: "2026-05-10", payments: [] }, TODAY);
    expect(unpaid.map((o) => [o.indicator, o.ok, o.on])).toEqual([["benefit_paid_4m", false, "2026-05-11"], ["benefit_automatic", true, "2026-01-10"]]);
    expect(benefitObservations({ ...claim, status: "REFUSED", paymentDueOn: "2026-05-10", payments: [] }, TODAY)).toEqual([]);
  });

  it("a later monthly payment is late only after the end of the month it covers", () => {
    // granted months from June: payment 1 (June) due 2026-06-30, payment 2 (July) due 2026-07-31
    const monthly = { ...claim, type: "BRIDGING_RIGHT", status: "GRANTED" as const, paymentDueOn: "2026-05-10", firstMonthOn: "2026-06-01" };
    const onTime = benefitObservations({ ...monthly, payments: [{ paidOn: "2026-05-05", interestCents: 0 }, { paidOn: "2026-07-20", interestCents: 0 }] }, TODAY);
    expect(onTime.filter((o) => o.indicator === "benefit_interest")).toEqual([]);
    const late = benefitObservations({ ...monthly, payments: [{ paidOn: "2026-05-05", interestCents: 0 }, { paidOn: "2026-08-20", interestCents: 0 }] }, TODAY);
    expect(late.filter((o) => o.indicator === "benefit_interest").map((o) => [o.on, o.ok])).toEqual([["2026-08-20", false]]);
  });

  it("calls are in time with 15 days of lead; collection and debt ageing from called vs settled", () => {
    const c = { id: "c", reference: "1", affiliateId: "a", category: "MAIN", issuedOn: "2026-03-17", dueOn: "2026-03-31" } as const;
    expect(callObservations({ ...c, kind: "PROVISIONAL" })[0]).toMatchObject({ indicator: "calls_on_time", ok: false, value: 14 });
    expect(callObservations({ ...c, kind: "REGULARISATION", issuedOn: "2026-03-16" })[0]).toMatchObject({ indicator: "regularisations_on_time", ok: true });
    const coll = collectionObservations({ id: "c", reference: "1", affiliateId: "a", category: "MAIN", dueOn: "2025-03-31", calledCents: 1000, settledCents: 400 }, TODAY);
    expect(coll.map((o) => [o.indicator, o.numerator, o.denominator, o.month])).toEqual([["collection_rate", 400, 1000, "2025-03-01"], ["debt_over_1y", 600, 600, "2026-11-01"]]);
    expect(collectionObservations({ id: "c", reference: "1", affiliateId: "a", category: "MAIN", dueOn: "2026-12-31", calledCents: 1000, settledCents: 0 }, TODAY)).toEqual([]);
  });

  it("recovery: warnings strictly before the first judicial step; personal contact up to that day", () => {
    const o = recoveryObservations({
      affiliateId: "a", reference: "1", category: "MAIN", advisorId: "",
      cases: [
        { id: "k1", steps: [{ kind: "REMINDER", on: "2026-01-01" }, { kind: "FORMAL_NOTICE", on: "2026-03-01" }, { kind: "PERSONAL_CONTACT", on: "2026-03-01" }, { kind: "BAILIFF", on: "2026-03-01" }] },
        { id: "k2", steps: [{ kind: "REMINDER", on: "2026-05-01" }, { kind: "FORMAL_NOTICE", on: "2026-06-01" }, { kind: "LAWYER", on: "2026-07-01" }] },
      ],
    });
    expect(o.map((x) => [x.indicator, x.recordId, x.ok])).toEqual([
      ["warned_before_judicial", "k1", false], ["warned_before_judicial", "k2", true], ["contact_before_judicial", "k1", true],
    ]);
  });
});

describe("aggregation and values", () => {
  it("sums observations per dimension and derives values by unit", () => {
    const r = { ...base, events: [ev("SUBMITTED", "2026-03-02")] };
    const facts = aggregate([...requestObservations(r, TODAY), ...requestObservations({ ...r, id: "r2", assigneeId: null }, TODAY)]);
    expect(facts.find((f) => f.indicator === "decision_4m" && f.advisorId === "u1")).toMatchObject({ count: 1, numerator: 0, denominator: 1 });
    expect(facts.filter((f) => f.indicator === "requests_filed").map((f) => f.advisorId).sort()).toEqual(["", "u1"]);
    expect(indicatorValue("permille", { count: 3, numerator: 2, denominator: 3 })).toBe(667);
    expect(indicatorValue("days", { count: 3, numerator: 10, denominator: 3 })).toBe(3.3);
    expect(indicatorValue("permille", { count: 0, numerator: 0, denominator: 0 })).toBeNull();
    expect(indicatorValue("count", { count: 4, numerator: 0, denominator: 0 })).toBe(4);
    expect(indicatorValue("cents", { count: 1, numerator: 99, denominator: 0 })).toBe(99);
    expect(onTrack("decision_4m", 940, 950)).toBe(false);
    expect(onTrack("affiliation_days", 14, 15)).toBe(true);
    expect(onTrack("requests_filed", 14, 0)).toBeNull();
    expect(onTrack("nope", 1, 1)).toBeNull();
    expect(monthsBetween("2025-11-15", "2026-02-01")).toEqual(["2025-11-01", "2025-12-01", "2026-01-01", "2026-02-01"]);
    expect(addMonthsToMonth("2026-01", -11)).toBe("2025-02");
  });

  it("every indicator has FR and NL labels, and INASTI.md documents every query verbatim", () => {
    for (const i of INDICATORS) {
      for (const cat of [fr, nl] as { kpi_ind: Record<string, { label: string; description: string }> }[]) expect(cat.kpi_ind[i.id]?.label).toBeTruthy();
    }
    const md = readFileSync(path.resolve(import.meta.dirname, "../../../lib/kpi/INASTI.md"), "utf8");
    for (const [id, sql] of Object.entries(INASTI_QUERIES)) expect(md, id).toContain(`## ${id}\n\n\`\`\`sql\n${sql}\n\`\`\``);
  });
});
