// The test-data factories shared by the seed and the tests must produce valid, distinct identifiers.
import { describe, expect, it } from "vitest";
import { makeEnterpriseNumber, makeIban, makeNiss } from "@/prisma/factories";
import { isValidBelgianIban, isValidEnterpriseNumber, parseNiss } from "@/lib/domain";

describe("factories", () => {
  it("make distinct valid enterprise numbers for consecutive serials", () => {
    const numbers = Array.from({ length: 500 }, (_, i) => makeEnterpriseNumber(7_000_000 + i));
    expect(new Set(numbers).size).toBe(500);
    expect(numbers.every(isValidEnterpriseNumber)).toBe(true);
  });

  it("make national numbers carrying the birth date and sex", () => {
    expect(parseNiss(makeNiss("1985-07-30", 33, "F"))).toMatchObject({ birthDate: "1985-07-30", sex: "F" });
    expect(parseNiss(makeNiss("2003-01-02", 34, "M"))).toMatchObject({ birthDate: "2003-01-02", sex: "M" });
  });

  it("make valid IBANs at a real bank code", () => {
    expect(isValidBelgianIban(makeIban("001", 4_242_424))).toBe(true);
    expect(isValidBelgianIban(makeIban("735", 1))).toBe(true);
  });
});
