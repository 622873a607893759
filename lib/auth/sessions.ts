import "server-only";
import { prisma } from "@/lib/db/client";
import { needsSecondFactor, type AppRole } from "./permissions";

// Server-side sessions: the cookie (a next-auth JWT) carries only the id of a UserSession row, checked on every
// request. A session ends at logout, a password reset or when the account is disabled — every session of the user
// at once —, 8 hours after sign-in whatever happens (renewal cannot extend it), and after an idle time.

export const SESSION_ABSOLUTE_SECONDS = 8 * 60 * 60;
export const IDLE_SECONDS: Record<"staff" | "affiliate", number> = { staff: 30 * 60, affiliate: 60 * 60 };
/** lastSeenAt is written at most this often (not on every request). */
const TOUCH_EVERY_MS = 60_000;

export type SessionMethod = "password" | "fas";
export type EndReason = "logout" | "passwordReset" | "idle" | "expired" | "disabled" | "secondFactorReset";
export type ClientInfo = { address?: string | null; userAgent?: string | null };

export async function startSession(userId: string, method: SessionMethod, client: ClientInfo = {}, now = new Date(), secondFactor = false): Promise<string> {
  const s = await prisma.userSession.create({
    data: {
      userId, method, createdAt: now, lastSeenAt: now, address: client.address?.slice(0, 100) ?? null, userAgent: client.userAgent?.slice(0, 300) ?? null,
      secondFactorAt: secondFactor ? now : null,
    },
    select: { id: true },
  });
  return s.id;
}

/** Why a session that exists can no longer be used at `now`, or null if it can. */
export function sessionEndsBecause(s: { createdAt: Date; lastSeenAt: Date; endedAt: Date | null }, role: AppRole, now: Date): EndReason | "ended" | null {
  if (s.endedAt) return "ended";
  if (now.getTime() - s.createdAt.getTime() >= SESSION_ABSOLUTE_SECONDS * 1000) return "expired";
  if (now.getTime() - s.lastSeenAt.getTime() >= IDLE_SECONDS[needsSecondFactor(role) ? "staff" : "affiliate"] * 1000) return "idle";
  return null;
}

/**
 * The user of a live session, its last-seen time moved to `now`; null when the session is unknown, ended, expired,
 * idle too long or its user disabled (an expired or idle session is ended here, with its reason).
 */
export async function touchSession(sessionId: string | undefined, now = new Date()): Promise<{ userId: string; secondFactor: boolean } | null> {
  if (!sessionId) return null;
  const s = await prisma.userSession.findUnique({
    where: { id: sessionId },
    select: { id: true, userId: true, createdAt: true, lastSeenAt: true, endedAt: true, secondFactorAt: true, user: { select: { role: true, disabledAt: true } } },
  });
  if (!s) return null;
  const why = s.user.disabledAt ? "disabled" : sessionEndsBecause(s, s.user.role, now);
  if (why) {
    if (why !== "ended") {
      const { count } = await prisma.userSession.updateMany({ where: { id: s.id, endedAt: null }, data: { endedAt: now, endReason: why } });
      // a timeout is a sign-in event too (once)
      if (count === 1) await prisma.auditLog.create({ data: { actorId: s.userId, action: "auth.sessionEnded", entity: "User", entityId: s.userId, details: { reason: why } } });
    }
    return null;
  }
  if (now.getTime() - s.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await prisma.userSession.updateMany({ where: { id: s.id, endedAt: null }, data: { lastSeenAt: now } });
  }
  return { userId: s.userId, secondFactor: s.secondFactorAt !== null };
}

/** The second factor was given (or enrolled) in this session: staff pages open from now on. */
export async function markSecondFactor(sessionId: string, now = new Date()): Promise<void> {
  await prisma.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { secondFactorAt: now } });
}

/** Ends every open session of a user (logout, password reset, account disabled); returns how many. */
export async function endAllSessions(userId: string, reason: EndReason, now = new Date()): Promise<number> {
  const { count } = await prisma.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now, endReason: reason } });
  return count;
}

/** The user's recent sign-ins (method, when, from where), newest first — shown on their profile. */
export async function recentSignIns(userId: string, limit = 10) {
  const rows = await prisma.userSession.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { method: true, createdAt: true, address: true, endedAt: true, endReason: true },
  });
  return rows.map((r) => ({ method: r.method as SessionMethod, at: r.createdAt.toISOString(), address: r.address, endedAt: r.endedAt?.toISOString() ?? null, endReason: r.endReason }));
}
