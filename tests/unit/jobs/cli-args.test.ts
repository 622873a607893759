import { describe, expect, it } from "vitest";
import { parseArgs } from "@/lib/jobs/cli-args";
import { parseQuarter, provisionalCommunication } from "@/lib/jobs/quarterly-calls";
import { companyCommunication } from "@/lib/jobs/company-calls";
import { JobRefusal } from "@/lib/jobs/types";
import { isValidStructuredCommunication } from "@/lib/domain";

describe("jobs CLI arguments", () => {
  it("splits the job, positional arguments, options and the --dry-run flag", () => {
    expect(parseArgs(["--", "import-coda", "a.cod", "--today", "2026-01-02", "--dry-run"])).toEqual({ job: "import-coda", positional: ["a.cod"], options: { today: "2026-01-02", "dry-run": true } });
    expect(parseArgs(["quarterly-calls", "--dry-run", "--quarter=2026-Q2"])).toEqual({ job: "quarterly-calls", positional: [], options: { quarter: "2026-Q2", "dry-run": true } });
  });

  it("parses quarters strictly", () => {
    expect(parseQuarter("2026-Q2")).toEqual({ year: 2026, quarter: 2 });
    for (const bad of ["2026-Q0", "2026-Q5", "26-Q1", "", undefined]) expect(() => parseQuarter(bad)).toThrow(JobRefusal);
  });

  it("builds valid, distinct structured communications per call", () => {
    const a = provisionalCommunication("100001", { year: 2026, quarter: 2 });
    const b = provisionalCommunication("100001", { year: 2026, quarter: 3 });
    const c = companyCommunication("100001", 2026);
    expect([a, b, c].every((x) => x !== null && isValidStructuredCommunication(x))).toBe(true);
    expect(new Set([a, b, c]).size).toBe(3);
    expect(provisionalCommunication("1234567", { year: 2026, quarter: 1 })).toBeNull();
    expect(provisionalCommunication("A12", { year: 2026, quarter: 1 })).toBeNull();
  });
});
