import { describe, expect, it } from "vitest";
import { formatRequestReference, instalmentCommunication, parseRequestReference } from "@/lib/domain/request-reference";
import { isValidStructuredCommunication } from "@/lib/domain";
import { mandateRequestSchema } from "@/lib/schemas/me-pay";
import { paymentPlanRequestSchema, questionRequestSchema } from "@/lib/schemas/me-requests";

describe("request references", () => {
  it("formats and parses D-YYYY-NNNNNN", () => {
    expect(formatRequestReference(2026, 123)).toBe("D-2026-000123");
    expect(parseRequestReference("D-2026-000123")).toEqual({ year: 2026, serial: 123 });
    expect(parseRequestReference("D-2026-123")).toBeNull();
    expect(() => formatRequestReference(2026, 0)).toThrow();
    expect(() => formatRequestReference(1999, 1)).toThrow("bad year");
    expect(() => formatRequestReference(2026.5, 1)).toThrow("bad year");
    expect(() => formatRequestReference(2026, 1_000_000)).toThrow();
  });

  it("gives each instalment a valid, distinct structured communication", () => {
    const all = [0, 1, 2, 12].map((s) => instalmentCommunication("D-2026-000042", s));
    for (const c of all) expect(isValidStructuredCommunication(c)).toBe(true);
    expect(new Set(all).size).toBe(all.length);
    expect(all[1].startsWith("86000042")).toBe(true);
    expect(instalmentCommunication("D-2025-000042", 1)).not.toBe(all[1]);
    expect(() => instalmentCommunication("bad", 1)).toThrow();
  });
});

describe("self-service schemas (shared by the forms and the actions)", () => {
  it("validates the mandate IBAN with the domain and requires consent", () => {
    expect(mandateRequestSchema.safeParse({ iban: "BE35 3101 2345 6737", consent: "yes" }).success).toBe(true);
    const bad = mandateRequestSchema.safeParse({ iban: "BE35 3101 2345 6738", consent: "" });
    expect(bad.success).toBe(false);
    expect(bad.error!.flatten().fieldErrors).toEqual({ iban: ["invalidIban"], consent: ["consentRequired"] });
  });

  it("checks the plan months and the question fields", () => {
    expect(paymentPlanRequestSchema.safeParse({ months: "6" }).success).toBe(true);
    expect(paymentPlanRequestSchema.safeParse({ months: "0" }).error!.flatten().fieldErrors).toEqual({ months: ["monthsRange"] });
    expect(paymentPlanRequestSchema.safeParse({ months: "six" }).error!.flatten().fieldErrors.months).toContain("monthsRequired");
    expect(questionRequestSchema.safeParse({ kind: "QUESTION", subject: "Mon avis", body: "Pourquoi ce montant ?" }).success).toBe(true);
    expect(Object.keys(questionRequestSchema.safeParse({ kind: "X", subject: "a", body: "b" }).error!.flatten().fieldErrors).sort()).toEqual(["body", "kind", "subject"]);
  });
});

import { contributionChange } from "@/lib/domain/contribution-change";
import { parseEuros } from "@/lib/domain/parse-euros";
import { parametersFor, quarterlyContribution } from "@/lib/domain";

describe("contribution change (reduction / increase)", () => {
  it("parses euros as people type them", () => {
    expect(parseEuros("40000")).toBe(4_000_000);
    expect(parseEuros("40 000,5")).toBe(4_000_050);
    expect(parseEuros("40.000,55")).toBe(4_000_055);
    expect(parseEuros("40000.55")).toBe(4_000_055);
    expect(parseEuros("0,29")).toBe(29);
    expect(parseEuros("-5")).toBeNull();
    expect(parseEuros("abc")).toBeNull();
    expect(parseEuros("1,234")).toBeNull();
  });

  it("computes the new quarterly amount with the domain and classifies the change", () => {
    const params = parametersFor(2026);
    const current = quarterlyContribution({ year: 2026, category: "main", annualIncomeCents: 4_000_000, managementFeeBp: 305 }).totalCents;
    const lower = contributionChange({ params, category: "main", primoStarter: false, estimatedIncomeCents: 3_000_000, managementFeeBp: 305, currentQuarterlyCents: current });
    expect(lower.kind).toBe("REDUCTION");
    expect(lower.next.totalCents).toBe(quarterlyContribution({ year: 2026, category: "main", annualIncomeCents: 3_000_000, managementFeeBp: 305 }).totalCents);
    expect(lower.next.totalCents).toBeLessThan(current);
    expect([lower.sanctionQuarterlyBp, lower.sanctionAnnualBp]).toEqual([300, 700]);
    const higher = contributionChange({ params, category: "main", primoStarter: false, estimatedIncomeCents: 5_000_000, managementFeeBp: 305, currentQuarterlyCents: current });
    expect(higher.kind).toBe("INCREASE");
    expect(contributionChange({ params, category: "main", primoStarter: false, estimatedIncomeCents: 4_000_000, managementFeeBp: 305, currentQuarterlyCents: current }).kind).toBe("UNCHANGED");
    expect(() => contributionChange({ params, category: "main", primoStarter: false, estimatedIncomeCents: -1, managementFeeBp: 305, currentQuarterlyCents: current })).toThrow();
  });
});

describe("caregiver allowance filing", () => {
  it("is late only after the four weeks that follow the start of the interruption", async () => {
    const { caregiverFiledLate, CAREGIVER_FILING_DAYS } = await import("@/lib/domain/caregiver-filing");
    expect(CAREGIVER_FILING_DAYS).toBe(28);
    expect(caregiverFiledLate("2026-03-01", "2026-03-29")).toBe(false);
    expect(caregiverFiledLate("2026-03-01", "2026-03-30")).toBe(true);
    expect(caregiverFiledLate("2026-03-01", "2026-02-15")).toBe(false);
  });
});
