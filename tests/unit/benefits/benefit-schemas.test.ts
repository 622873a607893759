// The benefit-handling forms' schemas (the same in the browser and in the server action): an impossible date is a
// field error on the date itself, not a form-level refusal after the round trip.
import { describe, expect, it } from "vitest";
import { benefitPaymentSchema, claimFiltersSchema } from "@/lib/schemas/benefits";

const fieldErrors = (input: Record<string, string>) => {
  const r = benefitPaymentSchema.safeParse(input);
  return r.success ? {} : (r.error.flatten().fieldErrors as Record<string, string[]>);
};

describe("benefitPaymentSchema", () => {
  it("accepts an amount in Belgian notation and a real day", () => {
    expect(benefitPaymentSchema.safeParse({ claimId: "c1", amount: "1.454,81", paidOn: "2026-11-20", recorded: "0" }).success).toBe(true);
  });

  it("needs the number of payments the form saw (a resubmitted form is recognised by it)", () => {
    expect(fieldErrors({ claimId: "c1", amount: "10", paidOn: "2026-11-20" }).recorded).toBeDefined();
    expect(fieldErrors({ claimId: "c1", amount: "10", paidOn: "2026-11-20", recorded: "-1" }).recorded).toEqual(["notFound"]);
    expect(fieldErrors({ claimId: "c1", amount: "10", paidOn: "2026-11-20", recorded: "2" }).recorded).toBeUndefined();
  });

  it.each(["2026-02-30", "2026-13-01", "2026-00-10", "20261120", ""])("refuses the payment date %j on the paidOn field", (paidOn) => {
    expect(fieldErrors({ claimId: "c1", amount: "10", paidOn }).paidOn).toEqual(["dateInvalid"]);
  });

  it("names the amount when it is missing or not euros", () => {
    expect(fieldErrors({ claimId: "c1", amount: "", paidOn: "2026-11-20" }).amount).toEqual(["amountRequired"]);
    expect(fieldErrors({ claimId: "c1", amount: "12,3x", paidOn: "2026-11-20" }).amount).toEqual(["amountInvalid"]);
    // a thousand or twelve euros and a bit? the one euro parser refuses to guess
    expect(fieldErrors({ claimId: "c1", amount: "12,345", paidOn: "2026-11-20" }).amount).toEqual(["amountAmbiguous"]);
  });
});

describe("claimFiltersSchema", () => {
  it("drops an unknown type or status from the query string instead of failing the page", () => {
    expect(claimFiltersSchema.parse({ type: "BRIDGING_RIGHT", status: "bogus" })).toEqual({ type: "BRIDGING_RIGHT", status: undefined });
  });
});
