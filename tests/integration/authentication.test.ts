import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "./helpers/db";
import { authenticate } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { createUser } from "@/prisma/factories";
import { prisma as appPrisma } from "@/lib/db/client";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));

describe("sign-in with e-mail and password", () => {
  it("accepts the right password (argon2id), case-insensitive e-mail", async () => {
    const user = await createUser(prisma, { email: "julie@test.be", passwordHash: await hashPassword("right-password-1"), role: "ADVISOR", name: "Julie" });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const result = await authenticate(" Julie@Test.be ", "right-password-1");
    expect(result).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it("refuses a wrong password or an unknown e-mail with the same answer", async () => {
    await createUser(prisma, { email: "julie@test.be", passwordHash: await hashPassword("right-password-1"), role: "ADVISOR", name: "Julie" });
    expect(await authenticate("julie@test.be", "wrong")).toEqual({ ok: false, error: "invalid-credentials" });
    expect(await authenticate("nobody@test.be", "wrong")).toEqual({ ok: false, error: "invalid-credentials" });
  });

  it("slows down after repeated failures — every attempt counted, a locked account answering like a wrong password — then resets the counter on success", async () => {
    const user = await createUser(prisma, { email: "julie@test.be", passwordHash: await hashPassword("right-password-1"), role: "ADVISOR", name: "Julie" });
    const at = (ms: number) => new Date(Date.parse("2026-03-01T10:00:00Z") + ms);
    const invalid = { ok: false, error: "invalid-credentials" };
    for (let i = 0; i < 3; i++) expect(await authenticate("julie@test.be", "wrong", at(0))).toEqual(invalid);
    // 3 failures in a row → 1 s to wait after the last one, even with the right password; the attempt is counted
    expect(await authenticate("julie@test.be", "right-password-1", at(500))).toEqual(invalid);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedLogins).toBe(4);
    // 4 counted → 2 s after the last attempt
    expect(await authenticate("julie@test.be", "right-password-1", at(2_000))).toEqual(invalid);
    // 5 counted → 4 s after the last attempt (at 2 s): at 6 s the right password gets in and the counter is cleared
    expect((await authenticate("julie@test.be", "right-password-1", at(6_000))).ok).toBe(true);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedLogins).toBe(0);
  });

  it("refuses a disabled account", async () => {
    await prisma.user.create({ data: { email: "gone@test.be", passwordHash: await hashPassword("pw-123456"), role: "AFFILIATE", name: "Gone", disabledAt: new Date() } });
    expect(await authenticate("gone@test.be", "pw-123456")).toEqual({ ok: false, error: "invalid-credentials" });
  });
});
