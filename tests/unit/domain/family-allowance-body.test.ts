import { describe, expect, it } from "vitest";
import { familyAllowanceBody } from "@/lib/domain/family-allowance-body";

describe("the body competent for family allowances, by the child's postal code", () => {
  it.each([
    ["1000", "famiris"], ["1299", "famiris"], // Brussels
    ["1300", "famiwal"], ["1480", "famiwal"], // Walloon Brabant
    ["1500", "groeipakket"], ["2000", "groeipakket"], ["3000", "groeipakket"], ["3999", "groeipakket"],
    ["4000", "famiwal"], ["4699", "famiwal"], ["4960", "famiwal"], ["5000", "famiwal"], ["6600", "famiwal"], ["7999", "famiwal"],
    ["4700", "ostbelgien"], ["4780", "ostbelgien"], ["4791", "ostbelgien"], // Eupen, Sankt Vith, Thommen
    ["8000", "groeipakket"], ["9999", "groeipakket"],
    [" 9000 ", "groeipakket"],
  ])("%s → %s", (code, body) => {
    expect(familyAllowanceBody(code)).toBe(body);
  });

  it("answers nothing for what is not a Belgian postal code", () => {
    for (const code of ["", "999", "0999", "12345", "B-1000", "abcd"]) expect(familyAllowanceBody(code)).toBeNull();
  });
});
