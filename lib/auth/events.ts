import "server-only";
import { prisma } from "@/lib/db/client";

// Every sign-in event in the audit log, with time and client address (issue #15 part 6): sign-in, failure, lockout,
// address limit, logout, session ended (idle, 8 hours), password reset. An affiliate's own events carry their dossier
// (AuditLog.affiliateId) — their profile lists their sign-ins.
export type AuthEvent =
  | "auth.signIn" | "auth.signInFailed" | "auth.locked" | "auth.addressLimited" | "auth.signOut" | "auth.sessionEnded" | "auth.passwordReset"
  | "auth.secondFactorFailed";

export async function recordAuthEvent(
  action: AuthEvent,
  user: { id: string; affiliateId?: string | null } | null,
  details: { address?: string | null; userAgent?: string | null; method?: string; reason?: string; failures?: number },
): Promise<void> {
  const clean = Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined && v !== null));
  await prisma.auditLog.create({
    data: { actorId: user?.id ?? null, action, entity: "User", entityId: user?.id ?? "unknown", affiliateId: user?.affiliateId ?? null, details: clean },
  });
}
