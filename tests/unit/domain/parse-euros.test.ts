import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MAX_TYPED_EUROS_CENTS, parseEuros, parseEurosStrict } from "@/lib/domain/parse-euros";

const group = (digits: string, sep: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

describe("parseEuros: what a Belgian types", () => {
  it.each([
    ["1234", 123_400],
    ["1234,56", 123_456],
    ["1.234,56", 123_456],
    ["1 234,56", 123_456],
    ["1\u00a0234,56", 123_456],
    ["1\u202f234,5", 123_450],
    ["0,05", 5],
    ["185", 18_500],
    ["40.000,50", 4_000_050],
    ["1.234.567", 123_456_700],
    ["1234.5", 123_450],
    ["€ 12,30", 1_230],
    ["12,30 EUR", 1_230],
    ["007", 700],
  ])("%s → %i cents", (text, cents) => {
    expect(parseEurosStrict(text)).toEqual({ ok: true, cents });
    expect(parseEuros(text)).toBe(cents);
  });

  it.each([
    ["1.234", "amountAmbiguous"],
    ["1,234", "amountAmbiguous"],
    ["1,234.56", "amountAmbiguous"],
    ["1,234,567", "amountAmbiguous"],
    ["", "amountEmpty"],
    ["  ", "amountEmpty"],
    ["-5", "amountInvalid"],
    ["12,345,6", "amountInvalid"],
    ["1.23.4", "amountInvalid"],
    ["12,3456", "amountInvalid"],
    ["abc", "amountInvalid"],
    ["1e5", "amountInvalid"],
    ["12.34.567,00", "amountInvalid"],
    ["100000000", "amountTooLarge"],
    ["10.000.000,01", "amountTooLarge"],
  ])("%j is refused: %s", (text, code) => {
    expect(parseEurosStrict(text)).toEqual({ ok: false, code });
    expect(parseEuros(text)).toBeNull();
  });

  it("reads back every amount written in any Belgian style, to the cent (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_TYPED_EUROS_CENTS }), fc.constantFrom("", ".", " ", "\u00a0", "\u202f"), fc.boolean(), (cents, sep, withCents) => {
        const whole = String(Math.floor(cents / 100));
        const dec = String(cents % 100).padStart(2, "0");
        if (!withCents && cents % 100 !== 0) return;
        // one dot group alone ("1.234") is ambiguous by design: it is written with its cents
        const grouped = group(whole, sep);
        const text = withCents || sep !== "." || whole.length <= 3 || whole.length > 6 ? `${grouped}${withCents ? `,${dec}` : ""}` : `${grouped},${dec}`;
        expect(parseEurosStrict(text)).toEqual({ ok: true, cents });
      }),
    );
  });

  it("never returns a fraction of a cent or a negative amount (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 16 }), (text) => {
        const r = parseEuros(text);
        if (r !== null) expect(Number.isSafeInteger(r) && r >= 0 && r <= MAX_TYPED_EUROS_CENTS).toBe(true);
      }),
    );
  });
});

describe("every amount field of the portal reads euros the same way", async () => {
  const { recoveryStepSchema } = await import("@/lib/schemas/backoffice-forms");
  const { benefitPaymentSchema } = await import("@/lib/schemas/benefits");
  const { contributionChangeSchema } = await import("@/lib/schemas/me-requests");
  const { paymentSearchSchema } = await import("@/lib/schemas/money-payments");
  const { parseIncome } = await import("@/lib/jobs/regularisation");
  const fields: [string, (text: string) => string | true][] = [
    ["recovery cost", (cost) => verdict(recoveryStepSchema.safeParse({ caseId: "c", kind: "BAILIFF", note: "", cost }))],
    ["benefit payment", (amount) => verdict(benefitPaymentSchema.safeParse({ claimId: "c", amount, paidOn: "2026-01-01", recorded: "0" }))],
    ["estimated income", (estimatedIncome) => verdict(contributionChangeSchema.safeParse({ estimatedIncome, justification: "0123456789" }))],
    ["payment search", (amount) => verdict(paymentSearchSchema.safeParse({ q: "", amount }))],
    ["regularisation file", (income) => (parseIncome(income, "eur") === null ? "refused" : true)],
  ];
  function verdict(r: { success: boolean; error?: { issues: { message: string }[] } }): string | true {
    return r.success ? true : (r.error?.issues[0]?.message.replace(/^(amount|cost|income)/, "") ?? "refused");
  }
  const samples = ["1234", "1.234,56", "1 234,56", "1234,56", "12.30", "1.234", "1,234", "-5", "abc", "12,345", "1.234.567", "100000000"];
  it.each(fields)("%s accepts exactly what the parser accepts", (_name, check) => {
    for (const text of samples) {
      const parsed = parseEurosStrict(text);
      const got = check(text);
      if (parsed.ok) expect([text, got]).toEqual([text, true]);
      else expect([text, got]).not.toEqual([text, true]);
      if (!parsed.ok && parsed.code === "amountAmbiguous" && got !== "refused") expect([text, got]).toEqual([text, "Ambiguous"]);
    }
  });
});
