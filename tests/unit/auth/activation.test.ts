// Account links (activation 14 days, reset 1 hour) without storage: an HMAC over the user, the expiry, the purpose
// and the CURRENT password hash. Refused when tampered with, expired, of the other purpose, of another user, signed
// with another secret, or used once the password has changed.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { createToken, tokenUserId, TOKEN_TTL_SECONDS, verifyToken } from "@/lib/auth/activation";

const SECRET = "unit-test-secret";
const now = new Date("2026-11-28T10:00:00Z");
const user = { id: "cku1abc", passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$aaaa$bbbb" };
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe("account link tokens", () => {
  it("accepts a fresh token for its user and purpose, and names its user", () => {
    const token = createToken(user, "activation", now, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/); // base64url: safe in a URL as is
    expect(tokenUserId(token)).toBe(user.id);
    expect(verifyToken(token, user, "activation", now, SECRET)).toBe(true);
    expect(verifyToken(createToken(user, "reset", now, SECRET), user, "reset", now, SECRET)).toBe(true);
  });

  it("refuses a token of the other purpose", () => {
    expect(verifyToken(createToken(user, "activation", now, SECRET), user, "reset", now, SECRET)).toBe(false);
    expect(verifyToken(createToken(user, "reset", now, SECRET), user, "activation", now, SECRET)).toBe(false);
  });

  it("expires: activation after 14 days, reset after one hour", () => {
    const activation = createToken(user, "activation", now, SECRET);
    expect(TOKEN_TTL_SECONDS.activation).toBe(14 * 24 * 3600);
    expect(verifyToken(activation, user, "activation", at(TOKEN_TTL_SECONDS.activation), SECRET)).toBe(true);
    expect(verifyToken(activation, user, "activation", at(TOKEN_TTL_SECONDS.activation + 1), SECRET)).toBe(false);
    const reset = createToken(user, "reset", now, SECRET);
    expect(verifyToken(reset, user, "reset", at(3600), SECRET)).toBe(true);
    expect(verifyToken(reset, user, "reset", at(3601), SECRET)).toBe(false);
  });

  it("dies once the password has changed (single use without storage)", () => {
    const token = createToken(user, "reset", now, SECRET);
    expect(verifyToken(token, { ...user, passwordHash: "$argon2id$v=19$new" }, "reset", now, SECRET)).toBe(false);
  });

  it("refuses another user, another secret, and any tampering", () => {
    const token = createToken(user, "activation", now, SECRET);
    expect(verifyToken(token, { ...user, id: "cku2xyz" }, "activation", now, SECRET)).toBe(false);
    expect(verifyToken(token, user, "activation", now, "another-secret")).toBe(false);
    const [id, expiry, mac] = Buffer.from(token, "base64url").toString("utf8").split(".");
    const encode = (s: string) => Buffer.from(s, "utf8").toString("base64url");
    // a later expiry with the old signature
    expect(verifyToken(encode(`${id}.${Number(expiry) + 3600}.${mac}`), user, "activation", now, SECRET)).toBe(false);
    // one flipped signature digit
    const flipped = mac.slice(0, -1) + (mac.endsWith("0") ? "1" : "0");
    expect(verifyToken(encode(`${id}.${expiry}.${flipped}`), user, "activation", now, SECRET)).toBe(false);
    // a token naming another user, signed with a guessed key
    const forged = crypto.createHmac("sha256", "guess").update(`activation|cku2xyz|${expiry}|${user.passwordHash}`).digest("hex");
    expect(verifyToken(encode(`cku2xyz.${expiry}.${forged}`), { ...user, id: "cku2xyz" }, "activation", now, SECRET)).toBe(false);
    // malformed
    for (const bad of ["", "not a token", encode("a.b"), encode(`${id}.${expiry}.${mac}.x`), encode(`${id}.-1.${mac}`), encode(`${id}.${expiry}.zz`), "x".repeat(600)]) {
      expect(verifyToken(bad, user, "activation", now, SECRET)).toBe(false);
    }
    expect(tokenUserId("%%%")).toBeNull();
  });

  it("refuses a validly signed token whose expiry lies beyond the purpose's lifetime", () => {
    // a reset token issued two hours ahead (a wrong clock): its expiry is beyond now + 1 hour
    const future = createToken(user, "reset", at(7200), SECRET);
    expect(verifyToken(future, user, "reset", now, SECRET)).toBe(false);
  });

  it("needs a secret", () => {
    const saved = process.env.NEXTAUTH_SECRET;
    delete process.env.NEXTAUTH_SECRET;
    try {
      expect(() => createToken(user, "reset", now)).toThrow(/NEXTAUTH_SECRET/);
    } finally {
      if (saved !== undefined) process.env.NEXTAUTH_SECRET = saved;
    }
  });
});
