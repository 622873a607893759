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

  it("slows down after repeated failures, then resets the counter on success", async () => {
    const user = await createUser(prisma, { email: "julie@test.be", passwordHash: await hashPassword("right-password-1"), role: "ADVISOR", name: "Julie" });
    const t0 = new Date("2026-03-01T10:00:00Z");
    for (let i = 0; i < 3; i++) expect(await authenticate("julie@test.be", "wrong", t0)).toEqual({ ok: false, error: "invalid-credentials" });
    // 3 failures in a row → 1 s to wait after the last one, even with the right password (not counted as a failure)
    expect(await authenticate("julie@test.be", "wrong", t0)).toEqual({ ok: false, error: "throttled" });
    expect(await authenticate("julie@test.be", "right-password-1", new Date("2026-03-01T10:00:00.500Z"))).toEqual({ ok: false, error: "throttled" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedLogins).toBe(3);
    // one more failure after the wait doubles it
    expect((await authenticate("julie@test.be", "wrong", new Date("2026-03-01T10:00:01Z"))).ok).toBe(false);
    expect(await authenticate("julie@test.be", "right-password-1", new Date("2026-03-01T10:00:02Z"))).toEqual({ ok: false, error: "throttled" });
    expect((await authenticate("julie@test.be", "right-password-1", new Date("2026-03-01T10:00:03Z"))).ok).toBe(true);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedLogins).toBe(0);
  });

  it("refuses a disabled account", async () => {
    await prisma.user.create({ data: { email: "gone@test.be", passwordHash: await hashPassword("pw-123456"), role: "AFFILIATE", name: "Gone", disabledAt: new Date() } });
    expect(await authenticate("gone@test.be", "pw-123456")).toEqual({ ok: false, error: "invalid-credentials" });
  });
});
