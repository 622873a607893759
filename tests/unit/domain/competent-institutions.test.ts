import { describe, it, expect } from "vitest";
import { INSTITUTIONS, INSTITUTION_WEBSITES, isInstitution } from "../../../lib/domain";

describe("competent institutions (Charte de l'assuré social, art. 9)", () => {
  it("names each institution a question may be forwarded to, with its public site (the mutuality is the person's own)", () => {
    expect(INSTITUTIONS).toContain("famiris");
    expect(INSTITUTION_WEBSITES.mutuality).toBeNull();
    expect(INSTITUTIONS.filter((i) => i !== "mutuality").every((i) => INSTITUTION_WEBSITES[i]?.startsWith("https://"))).toBe(true);
    expect(isInstitution("inasti")).toBe(true);
    expect(isInstitution("caisse")).toBe(false);
    expect(isInstitution(3)).toBe(false);
  });
});
