// The FAS configuration from the environment, and the level-of-assurance rule (lib/auth/fas/config.ts).
import { describe, expect, it } from "vitest";
import { DEFAULT_FAS_ACR, fasConfigFrom, meetsAcr, wellKnownOf } from "@/lib/auth/fas/config";

describe("FAS configuration", () => {
  it("no issuer: no eID sign-in", () => {
    expect(fasConfigFrom({})).toBeNull();
    expect(fasConfigFrom({ FAS_ISSUER: "  " })).toBeNull();
  });

  it("an issuer with its client; defaults for the level, the claim and the scopes", () => {
    expect(fasConfigFrom({ FAS_ISSUER: "https://idp.iamfas.belgium.be/fas/oauth2", FAS_CLIENT_ID: "id", FAS_CLIENT_SECRET: "secret" })).toEqual({
      issuer: "https://idp.iamfas.belgium.be/fas/oauth2",
      clientId: "id",
      clientSecret: "secret",
      acr: DEFAULT_FAS_ACR,
      nrnClaim: "egovNRN",
      scope: "openid profile egovnrn",
    });
    expect(fasConfigFrom({ FAS_ISSUER: "http://127.0.0.1:4000", FAS_CLIENT_ID: "id", FAS_CLIENT_SECRET: "s", FAS_ACR: "urn:be:fedict:iam:fas:Level500", FAS_NRN_CLAIM: "nrn", FAS_SCOPE: "openid nrn" })).toMatchObject({
      acr: "urn:be:fedict:iam:fas:Level500",
      nrnClaim: "nrn",
      scope: "openid nrn",
    });
  });

  it("a half-made or unsafe configuration is an error, not a missing button", () => {
    expect(() => fasConfigFrom({ FAS_ISSUER: "https://fas.example" })).toThrow(/FAS_CLIENT_ID/);
    expect(() => fasConfigFrom({ FAS_ISSUER: "https://fas.example", FAS_CLIENT_ID: "id" })).toThrow(/FAS_CLIENT_SECRET/);
    expect(() => fasConfigFrom({ FAS_ISSUER: "not a url", FAS_CLIENT_ID: "id", FAS_CLIENT_SECRET: "s" })).toThrow(/not a URL/);
    expect(() => fasConfigFrom({ FAS_ISSUER: "http://fas.example", FAS_CLIENT_ID: "id", FAS_CLIENT_SECRET: "s" })).toThrow(/https/);
    expect(fasConfigFrom({ FAS_ISSUER: "http://localhost:4000", FAS_CLIENT_ID: "id", FAS_CLIENT_SECRET: "s" })).not.toBeNull();
  });

  it("the discovery document sits under the issuer", () => {
    expect(wellKnownOf("https://fas.example/oauth2")).toBe("https://fas.example/oauth2/.well-known/openid-configuration");
    expect(wellKnownOf("https://fas.example/")).toBe("https://fas.example/.well-known/openid-configuration");
  });
});

describe("level of assurance", () => {
  const level = (n: number) => `urn:be:fedict:iam:fas:Level${n}`;
  it("FAS levels compare by number: eID (500) and itsme (450) meet 450, lower levels do not", () => {
    expect(meetsAcr(level(450), level(500))).toBe(true);
    expect(meetsAcr(level(450), level(450))).toBe(true);
    expect(meetsAcr(level(450), level(400))).toBe(false);
    expect(meetsAcr(level(500), level(450))).toBe(false);
  });
  it("other values must be equal; a missing acr is refused", () => {
    expect(meetsAcr("eidas-high", "eidas-high")).toBe(true);
    expect(meetsAcr("eidas-high", "eidas-substantial")).toBe(false);
    expect(meetsAcr(level(450), "eidas-high")).toBe(false);
    expect(meetsAcr(level(450), undefined)).toBe(false);
    expect(meetsAcr(level(450), "")).toBe(false);
    expect(meetsAcr(level(450), 500)).toBe(false);
  });
});
