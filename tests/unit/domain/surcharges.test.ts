import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { addDays, calculateSurcharges, parametersFor, postBirthExemptQuarter, starterGraceDueDate, type SurchargeCall } from "../../../lib/domain";

const q1: SurchargeCall = { id: "c-2025-1", quarter: { year: 2025, quarter: 1 }, principalCents: 100_000, firstClaimedOn: "2025-01-05" };

describe("surcharges (ARS art. 44; RSVZ FAQ https://www.rsvz-inasti.fgov.be/nl/faq/wat-als-ik-mijn-bijdragen-niet-betaal)", () => {
  it("D8 [derived, docs/domain.md §15]: Q1 2025 1.000 € unpaid until 15-02-2026 → 4 × 3 % + 7 % = 190 €", () => {
    const r = calculateSurcharges({ calls: [q1], payments: [{ callId: q1.id, paidOn: "2026-02-15", amountCents: 100_000 }], asOf: "2026-02-15" });
    expect(r.lines.map((l) => [l.kind, l.on, l.amountCents])).toEqual([
      ["quarterly", "2025-03-31", 3000],
      ["quarterly", "2025-06-30", 3000],
      ["quarterly", "2025-09-30", 3000],
      ["quarterly", "2025-12-31", 3000],
      ["annual", "2026-01-01", 7000],
    ]);
    expect(r.totalCents).toBe(19_000);
    expect(r.breakdown.at(-1)).toMatchObject({ code: "surcharge.total", amountCents: 19_000 });
  });

  it("a full year unpaid costs 19 % (zelfstandige.vlaanderen)", () => {
    const r = calculateSurcharges({ calls: [q1], payments: [], asOf: "2026-01-01" });
    expect(r.totalCents).toBe(19_000);
  });

  it("paid on the due date: nothing; partly paid: 3 % on the unpaid part only", () => {
    expect(calculateSurcharges({ calls: [q1], payments: [{ callId: q1.id, paidOn: "2025-03-31", amountCents: 100_000 }], asOf: "2026-06-30" }).totalCents).toBe(0);
    const r = calculateSurcharges({
      calls: [q1],
      payments: [
        { callId: q1.id, paidOn: "2025-03-31", amountCents: 40_000 },
        { callId: "other", paidOn: "2025-03-01", amountCents: 60_000 },
        { callId: q1.id, paidOn: "2025-05-01", amountCents: 60_000 },
      ],
      asOf: "2026-06-30",
    });
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatchObject({ baseCents: 60_000, amountCents: 1800, rateBp: 300 });
  });

  it("starters' extra quarter for their first two quarters; 7 % only once the call is due", () => {
    expect(starterGraceDueDate("2025-09-30")).toBe("2025-12-31");
    const q3: SurchargeCall = { id: "s3", quarter: { year: 2025, quarter: 3 }, principalCents: 45_015, firstClaimedOn: "2025-07-10", starterGrace: true };
    const q4: SurchargeCall = { id: "s4", quarter: { year: 2025, quarter: 4 }, principalCents: 45_015, firstClaimedOn: "2025-10-10", starterGrace: true };
    const r = calculateSurcharges({ calls: [q3, q4], payments: [], asOf: "2026-01-10" });
    expect(r.lines.map((l) => [l.callId, l.kind, l.on])).toEqual([
      ["s3", "quarterly", "2025-12-31"],
      ["s3", "annual", "2026-01-01"],
    ]);
    expect(r.breakdown.filter((l) => l.code === "surcharge.starterGrace")).toHaveLength(2);
  });

  it("regularisation supplement with its own due date; first claimed year decides the 7 %", () => {
    const reg: SurchargeCall = { id: "r", quarter: { year: 2023, quarter: 1 }, principalCents: 50_000, firstClaimedOn: "2025-05-10", dueOn: "2025-09-30" };
    const r = calculateSurcharges({ calls: [reg], payments: [], asOf: "2026-01-01" });
    expect(r.lines.map((l) => [l.kind, l.on])).toEqual([
      ["quarterly", "2025-09-30"],
      ["quarterly", "2025-12-31"],
      ["annual", "2026-01-01"],
    ]);
  });

  it("no surcharge on the contribution-free quarter after a birth", () => {
    expect(postBirthExemptQuarter("2025-02-14")).toEqual({ year: 2025, quarter: 2 });
    const q2: SurchargeCall = { ...q1, id: "q2", quarter: { year: 2025, quarter: 2 } };
    const r = calculateSurcharges({ calls: [q2], payments: [], asOf: "2026-06-30", postBirthExemptQuarters: [postBirthExemptQuarter("2025-02-14")] });
    expect(r.totalCents).toBe(0);
    expect(r.breakdown[0]).toMatchObject({ code: "surcharge.exempt.postBirth" });
  });

  it("sanction for an unjustified reduction [derived interpretation, docs/domain.md §5.4]: 3 % + 7 % on the unpaid excess", () => {
    const base = { callId: "red", quarter: { year: 2024, quarter: 1 as const }, notifiedOn: "2026-04-15" };
    const r = calculateSurcharges({
      calls: [],
      payments: [],
      asOf: "2026-05-01",
      reductionSanctions: [
        { ...base, reducedProvisionalCents: 50_000, definitiveCents: 120_000, paidByYearEndCents: 20_000 },
        { ...base, callId: "ok", reducedProvisionalCents: 50_000, definitiveCents: 40_000 },
        { ...base, callId: "later", reducedProvisionalCents: 0, definitiveCents: 40_000, notifiedOn: "2026-06-01" },
      ],
    });
    expect(r.lines.map((l) => [l.callId, l.kind, l.baseCents, l.amountCents])).toEqual([
      ["red", "reduction-sanction-quarterly", 50_000, 1500],
      ["red", "reduction-sanction-annual", 50_000, 3500],
    ]);
  });

  it("uses the given parameter set; lines on the same date sort by call id", () => {
    const a = { ...q1, id: "b" };
    const b = { ...q1, id: "a" };
    const r = calculateSurcharges({ calls: [a, b], payments: [], asOf: "2025-03-31" }, parametersFor(2025));
    expect(r.lines.map((l) => l.callId)).toEqual(["a", "b"]);
  });

  it("property: surcharges never compound (always on principal, 3 %/quarter end + 7 % once at most)", () => {
    const callArb = fc.record({
      quarterIdx: fc.integer({ min: 0, max: 11 }),
      principal: fc.integer({ min: 1, max: 1_000_000 }),
      paidShare: fc.integer({ min: 0, max: 100 }),
      payDelay: fc.integer({ min: 0, max: 900 }),
      grace: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(callArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 1500 }), (specs, asOfDelta) => {
        const calls: SurchargeCall[] = specs.map((s, i) => {
          const year = 2024 + Math.floor(s.quarterIdx / 4);
          const quarter = ((s.quarterIdx % 4) + 1) as 1 | 2 | 3 | 4;
          return { id: `c${i}`, quarter: { year, quarter }, principalCents: s.principal, firstClaimedOn: `${year}-${String((quarter - 1) * 3 + 1).padStart(2, "0")}-05`, starterGrace: s.grace };
        });
        const payments = specs.map((s, i) => ({
          callId: `c${i}`,
          paidOn: addDays("2024-01-01", s.payDelay),
          amountCents: Math.floor((s.principal * s.paidShare) / 100),
        }));
        const asOf = addDays("2024-01-01", asOfDelta);
        const r = calculateSurcharges({ calls, payments, asOf });
        for (const call of calls) {
          const lines = r.lines.filter((l) => l.callId === call.id);
          expect(lines.filter((l) => l.kind === "annual").length).toBeLessThanOrEqual(1);
          for (const l of lines) {
            expect(l.baseCents).toBeLessThanOrEqual(call.principalCents);
            expect([300, 700]).toContain(l.rateBp);
          }
          const quarterly = lines.filter((l) => l.kind === "quarterly").length;
          const bound = Math.ceil((call.principalCents * (300 * quarterly + 700)) / 10_000) + lines.length;
          expect(lines.reduce((s, l) => s + l.amountCents, 0)).toBeLessThanOrEqual(bound);
        }
        // Adding earlier surcharges to the debt changes nothing: they are not an input at all.
        expect(calculateSurcharges({ calls, payments, asOf }).totalCents).toBe(r.totalCents);
      }),
    );
  });
});

