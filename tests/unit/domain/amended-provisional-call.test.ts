import { describe, it, expect } from "vitest";
import { amendedProvisionalCall, chosenIncomeBase, DomainError, parametersFor, quarterlyContribution } from "../../../lib/domain";

const params = parametersFor(2026);

describe("amendedProvisionalCall: an issued call recomputed on the income of an accepted reduction or increase", () => {
  it("gives the new amounts with the chosen income first in the explanation, and each part's delta", () => {
    const before = quarterlyContribution({ year: 2026, category: "main", annualIncomeCents: 6_000_000, primoStarter: false, managementFeeBp: 305 }, params);
    const r = amendedProvisionalCall({ params, category: "main", primoStarter: false, chosenIncomeCents: 2_500_000, managementFeeBp: 305, current: before });
    const expected = quarterlyContribution({ year: 2026, category: "main", annualIncomeCents: 2_500_000, primoStarter: false, managementFeeBp: 305 }, params);
    expect(r.next.totalCents).toBe(expected.totalCents);
    expect(r.next.breakdown[0]).toEqual({ code: "income.chosen", params: { year: 2026 }, amountCents: 2_500_000 });
    expect(r.contributionDeltaCents).toBe(expected.contributionCents - before.contributionCents);
    expect(r.feeDeltaCents).toBe(expected.managementFeeCents - before.managementFeeCents);
    expect(r.contributionDeltaCents).toBeLessThan(0);
    expect(r.incomeCents).toBe(2_500_000);
  });

  it("an increase gives positive deltas; the same income gives none", () => {
    const before = quarterlyContribution({ year: 2026, category: "main", annualIncomeCents: 2_500_000, primoStarter: false, managementFeeBp: 305 }, params);
    const up = amendedProvisionalCall({ params, category: "main", primoStarter: false, chosenIncomeCents: 8_000_000, managementFeeBp: 305, current: before });
    expect(up.contributionDeltaCents).toBeGreaterThan(0);
    expect(up.feeDeltaCents).toBeGreaterThan(0);
    const same = amendedProvisionalCall({ params, category: "main", primoStarter: false, chosenIncomeCents: 2_500_000, managementFeeBp: 305, current: before });
    expect([same.contributionDeltaCents, same.feeDeltaCents]).toEqual([0, 0]);
  });

  it("refuses a negative or fractional income", () => {
    const current = { contributionCents: 1, managementFeeCents: 0 };
    expect(() => amendedProvisionalCall({ params, category: "main", primoStarter: false, chosenIncomeCents: -1, managementFeeBp: 305, current })).toThrow(DomainError);
    expect(() => amendedProvisionalCall({ params, category: "main", primoStarter: false, chosenIncomeCents: 1.5, managementFeeBp: 305, current })).toThrow(DomainError);
  });

  it("chosenIncomeBase explains the chosen income for its year", () => {
    expect(chosenIncomeBase(2027, 100)).toEqual({ incomeCents: 100, breakdown: [{ code: "income.chosen", params: { year: 2027 }, amountCents: 100 }] });
  });
});
