import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";

export type StaffAccountRow = { id: string; name: string; email: string; role: string; secondFactorSince: string | null; recoveryCodesLeft: number; self: boolean };

// the second factor is on since its first enrolment: TOTP or a first passkey
const since = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b))?.toISOString() ?? null;

/** The staff accounts and the state of their second factor, for an admin. */
export async function listStaffAccounts(viewer: Viewer | null): Promise<StaffAccountRow[]> {
  assertPermission(viewer, "staff:manage");
  const users = await prisma.user.findMany({
    where: { role: { not: "AFFILIATE" }, disabledAt: null },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, role: true, totpEnabledAt: true, passkeys: { select: { createdAt: true }, orderBy: { createdAt: "asc" }, take: 1 }, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } },
  });
  return users.map((u) => ({
    id: u.id, name: u.name, email: u.email, role: u.role, secondFactorSince: since(u.totpEnabledAt, u.passkeys[0]?.createdAt ?? null),
    recoveryCodesLeft: u._count.recoveryCodes, self: u.id === viewer.userId,
  }));
}
