import { describe, expect, it } from "vitest";
import { JOINT_LIABILITY_RELEASE_MONTHS, checkJointLiabilityRelease, jointLiabilityYears } from "@/lib/domain/joint-liability-release";

const contributions = [
  { year: 2024, dueOn: "2024-12-31" },
  { year: 2026, dueOn: "2026-12-31" },
  { year: 2025, dueOn: "2025-12-31" },
  { year: 2023, dueOn: "not-a-date" },
];

describe("release from the joint liability for the company contribution (§1.17)", () => {
  it("each year: one year from its due date, only during the mandate, not asked twice; newest first", () => {
    const years = jointLiabilityYears({ today: "2026-11-28", mandates: [{ fromOn: "2025-03-01", toOn: null }], contributions, alreadyAsked: [2026] });
    expect(JOINT_LIABILITY_RELEASE_MONTHS).toBe(12);
    expect(years).toEqual([
      { year: 2026, dueOn: "2026-12-31", deadlineOn: "2027-12-31", inMandate: true, inTime: true, alreadyAsked: true, open: false },
      { year: 2025, dueOn: "2025-12-31", deadlineOn: "2026-12-31", inMandate: true, inTime: true, alreadyAsked: false, open: true },
      { year: 2024, dueOn: "2024-12-31", deadlineOn: "2025-12-31", inMandate: false, inTime: false, alreadyAsked: false, open: false },
    ]);
  });

  it("a mandate that ended, or started, within a year covers that year; the deadline day itself is in time", () => {
    const ended = jointLiabilityYears({ today: "2025-12-31", mandates: [{ fromOn: "2020-01-01", toOn: "2024-01-01" }], contributions: [{ year: 2024, dueOn: "2024-12-31" }], alreadyAsked: [] });
    expect(ended[0]).toMatchObject({ inMandate: true, inTime: true, open: true });
    const late = jointLiabilityYears({ today: "2026-01-01", mandates: [{ fromOn: "2024-12-31", toOn: null }], contributions: [{ year: 2024, dueOn: "2024-12-31" }], alreadyAsked: [] });
    expect(late[0]).toMatchObject({ inMandate: true, inTime: false, open: false });
  });

  it("checks the years chosen: at least one, each in the mandate, in time and not asked yet", () => {
    const years = jointLiabilityYears({ today: "2026-11-28", mandates: [{ fromOn: "2023-01-01", toOn: null }], contributions, alreadyAsked: [2026] });
    expect(checkJointLiabilityRelease(years, [])).toEqual({ ok: false, refusal: "no-year" });
    expect(checkJointLiabilityRelease(years, [2019])).toEqual({ ok: false, refusal: "not-in-mandate" });
    expect(checkJointLiabilityRelease(years, [2024])).toEqual({ ok: false, refusal: "too-late" });
    expect(checkJointLiabilityRelease(years, [2026])).toEqual({ ok: false, refusal: "already-asked" });
    expect(checkJointLiabilityRelease(years, [2025, 2025])).toEqual({ ok: true, years: [2025] });
    const outside = jointLiabilityYears({ today: "2026-11-28", mandates: [{ fromOn: "2026-01-01", toOn: null }], contributions, alreadyAsked: [] });
    expect(checkJointLiabilityRelease(outside, [2025])).toEqual({ ok: false, refusal: "not-in-mandate" });
    const both = jointLiabilityYears({ today: "2026-11-28", mandates: [{ fromOn: "2025-06-01", toOn: null }], contributions, alreadyAsked: [] });
    expect(checkJointLiabilityRelease(both, [2026, 2025])).toEqual({ ok: true, years: [2025, 2026] });
  });
});
