import { describe, it, expect } from "vitest";
import { companyContribution, companyContributionDueDate, companyLateSurcharge, parametersFor } from "../../../lib/domain";

describe("company contribution (law 30-12-1992 art. 91)", () => {
  it.each([
    [2023, 50_000_000, 38_444, "small", "https://adeconsultants.webwin.be/newsletter-by-email/vanaf-2023-jaarlijkse-indexatie-vennootschapsbijdrage-en-betalingsdeadline-op-3112"],
    [2023, 90_000_000, 96_026, "large", "https://adeconsultants.webwin.be/newsletter-by-email/vanaf-2023-jaarlijkse-indexatie-vennootschapsbijdrage-en-betalingsdeadline-op-3112"],
    [2024, 83_199_083, 38_734, "small", "https://bizantium.be/de-vennootschapsbijdrage-wat-je-moet-weten/"],
    [2024, 83_199_084, 96_752, "large", "https://bizantium.be/de-vennootschapsbijdrage-wat-je-moet-weten/"],
    [2025, 10_000_000, 39_973, "small", "https://adeconsultants.webwin.be/new-flashes/vennootschapsbijdrage-2025-uiterlijk-31122025-betalen"],
    [2025, 100_000_000, 99_847, "large", "https://adeconsultants.webwin.be/new-flashes/vennootschapsbijdrage-2025-uiterlijk-31122025-betalen"],
  ])("%s, balance-sheet total %s cents → %s (%s) — %s", (year, total, amount, band) => {
    const r = companyContribution({ year, balanceSheetTotalCents: total });
    expect(r.amountCents).toBe(amount);
    expect(r.band).toBe(band);
    expect(r.breakdown[0].code).toBe("company.balanceSheetTotal");
  });
  it("new company without a penultimate balance sheet pays the small amount (bizantium.be)", () => {
    const r = companyContribution({ year: 2025, balanceSheetTotalCents: null });
    expect(r).toMatchObject({ amountCents: 39_973, band: "small" });
    expect(r.breakdown[0].code).toBe("company.noBalanceSheet");
  });
  it("2026 figures are derived (indexed 2025 amounts, docs/domain.md §17.4) [derived]", () => {
    expect(companyContribution({ year: 2026, balanceSheetTotalCents: 1 })).toMatchObject({ amountCents: 40_831, band: "small" });
    expect(companyContribution({ year: 2026, balanceSheetTotalCents: 87_704_118 })).toMatchObject({ amountCents: 101_991, band: "large" });
  });
  it("a figure left missing in the reference table refuses to compute: parameters.missing", () => {
    const set = parametersFor(2026);
    const missing = { ...set, company: { ...set.company, smallAmountCents: { unit: "cents" as const, value: null, source: "", status: "missing" as const, note: "n" } } };
    expect(() => companyContribution({ year: 2026, balanceSheetTotalCents: 1 }, missing)).toThrow(expect.objectContaining({ code: "parameters.missing" }));
  });
  it("due date: 31 December; created October–December: last day of the 3rd month after creation (RSVZ FAQ)", () => {
    expect(companyContributionDueDate({ year: 2025 })).toBe("2025-12-31");
    expect(companyContributionDueDate({ year: 2025, incorporatedOn: "2025-05-01" })).toBe("2025-12-31");
    expect(companyContributionDueDate({ year: 2025, incorporatedOn: "2025-10-15" })).toBe("2026-01-31");
    expect(companyContributionDueDate({ year: 2027, incorporatedOn: "2027-11-03" })).toBe("2028-02-29");
    expect(companyContributionDueDate({ year: 2025, incorporatedOn: "2025-12-01" })).toBe("2026-03-31");
    expect(companyContributionDueDate({ year: 2025, incorporatedOn: "2024-11-01" })).toBe("2025-12-31");
  });
  it("1 % per month late, up to the month of payment, on the unpaid principal only", () => {
    const r = companyLateSurcharge({
      year: 2025,
      principalCents: 39_973,
      dueOn: "2025-12-31",
      payments: [
        { paidOn: "2026-01-20", amountCents: 20_000 },
        { paidOn: "2026-03-05", amountCents: 19_973 },
      ],
      asOf: "2026-06-10",
    });
    expect(r.lines).toEqual([
      { month: "2026-01", baseCents: 39_973, amountCents: 400 },
      { month: "2026-02", baseCents: 19_973, amountCents: 200 },
      { month: "2026-03", baseCents: 19_973, amountCents: 200 },
    ]);
    expect(r.totalCents).toBe(800);
    expect(companyLateSurcharge({ year: 2025, principalCents: 39_973, dueOn: "2025-12-31", payments: [], asOf: "2025-12-31" }).totalCents).toBe(0);
  });
});
