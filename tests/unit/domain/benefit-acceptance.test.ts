import { describe, expect, it } from "vitest";
import { benefitAcceptance, unmetConditions } from "../../../lib/domain/benefit-acceptance";
import { checkBridgingRight, type BridgingRightInput, type ContributionQuarter } from "../../../lib/domain/check-bridging-right";
import { checkCaregiverAllowance, type CaregiverAllowanceInput } from "../../../lib/domain/check-caregiver-allowance";
import { addQuarters, type Quarter } from "../../../lib/domain/dates";
import type { CentsFigure } from "../../../lib/domain/parameters/types";

const known = (value: number): CentsFigure => ({ unit: "cents", value, source: "s", status: "confirmed" });
const missing: CentsFigure = { unit: "cents", value: null, source: "s", status: "missing", note: "n" };

function career(last: Quarter, count: number, unpaid: string[] = []): ContributionQuarter[] {
  return Array.from({ length: count }, (_, i) => {
    const quarter = addQuarters(last, -i);
    return { quarter, category: "main" as const, due: true, paid: !unpaid.includes(`${quarter.year}-Q${quarter.quarter}`), atLeastMainMinimum: true };
  });
}

const bridging = (over: Partial<BridgingRightInput> = {}) =>
  checkBridgingRight({
    case: "BANKRUPTCY",
    eventOn: "2026-08-14",
    familyCharge: false,
    birthDate: "1975-03-02",
    history: career({ year: 2026, quarter: 3 }, 20),
    monthsAlreadyGranted: 0,
    amounts: { withFamilyChargeCents: known(200000), withoutFamilyChargeCents: known(160000) },
    ...over,
  });

const caregiver = (over: Partial<CaregiverAllowanceInput> = {}) =>
  checkCaregiverAllowance({
    interruption: "FULL",
    startOn: "2026-10-01",
    months: 3,
    category: "main",
    atLeastMainMinimum: true,
    history: career({ year: 2026, quarter: 3 }, 3),
    monthsAlreadyGranted: 0,
    amounts: { fullCents: known(150000), halfCents: known(75000) },
    ...over,
  });

describe("accepting a benefit request is bound to its conditions", () => {
  it("grants when every condition is met", () => {
    expect(benefitAcceptance(bridging())).toEqual({ kind: "grant", months: 12, monthlyAmountCents: 160000 });
    expect(benefitAcceptance(caregiver())).toEqual({ kind: "grant", months: 3, monthlyAmountCents: 150000 });
  });

  it("needs an override when a contribution condition fails, naming the conditions not met; the law's durations still apply", () => {
    const unpaid = bridging({ history: career({ year: 2026, quarter: 3 }, 20, ["2026-Q2"]) });
    expect(unmetConditions(unpaid)).toEqual(["bridging.lastFourQuarters"]);
    expect(benefitAcceptance(unpaid)).toEqual({ kind: "override", unmet: ["bridging.lastFourQuarters"], months: 12, monthlyAmountCents: 160000 });
    // 9 months already granted over the career: an override grants the 3 left, never more
    expect(benefitAcceptance(bridging({ monthsAlreadyGranted: 9, birthDate: "1950-01-01" }))).toMatchObject({ kind: "override", unmet: ["bridging.pensionAge"], months: 3 });
    const noCategory = caregiver({ category: null, months: 4, monthsAlreadyGranted: 10 });
    expect(benefitAcceptance(noCategory)).toEqual({ kind: "override", unmet: ["caregiver.category", "caregiver.careerMonths"], months: 2, monthlyAmountCents: 150000 });
  });

  it("cannot grant anything when the career total is used up, the requested months are invalid, or the amount is unknown", () => {
    expect(benefitAcceptance(bridging({ monthsAlreadyGranted: 12 }))).toEqual({ kind: "impossible", code: "benefit.nothingToGrant", unmet: ["bridging.remainingEntitlement"] });
    expect(benefitAcceptance(caregiver({ months: 9 }))).toMatchObject({ kind: "impossible", code: "benefit.nothingToGrant" });
    expect(benefitAcceptance(caregiver({ amounts: { fullCents: missing, halfCents: missing } }))).toEqual({ kind: "impossible", code: "benefit.figureMissing", unmet: [] });
  });
});
