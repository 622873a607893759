import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { prisma } from "@/lib/db/client";
import { authOptions } from "./options";
import { needsSecondFactor, type Permission } from "./permissions";
import { allowed, type Viewer } from "./viewer";
import { accountantViewer } from "./acting";
import { ACTING_COOKIE } from "@/lib/dto/accountants";
import { AppError } from "@/lib/errors";

// The one place that knows next-auth: swap the library here and nothing else changes.

/** The signed-in user of a live session (lib/auth/sessions.ts: ended at logout, password reset, idle, 8 hours),
 *  re-read from the database on each request (a disabled account loses access at once). */
/** The live session of the request, second factor given or not (the enrolment and code pages need it). */
export const currentSignIn = cache(async (): Promise<{ uid: string; sid: string; secondFactor: boolean } | null> => {
  const session = (await getServerSession(authOptions)) as { uid?: string; sid?: string; sf?: boolean } | null;
  return session?.uid && session.sid ? { uid: session.uid, sid: session.sid, secondFactor: !!session.sf } : null;
});

export const currentViewer = cache(async (): Promise<Viewer | null> => {
  const signIn = await currentSignIn();
  if (!signIn) return null;
  const uid = signIn.uid;
  const user = await prisma.user.findUnique({
    where: { id: uid },
    select: { id: true, role: true, affiliateId: true, name: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return null;
  // staff and accountants open nothing before the second factor (enrolled or given) in this session
  if (needsSecondFactor(user.role) && !signIn.secondFactor) return null;
  // an accountant: the client whose file they opened, while (and only while) a mandate of theirs is live today
  if (user.role === "ACCOUNTANT") return accountantViewer(user, (await cookies()).get(ACTING_COOKIE)?.value);
  return { userId: user.id, role: user.role, affiliateId: user.affiliateId, name: user.name };
});

/** For pages: anonymous → sign-in page; signed in without the permission → 404. */
export async function requireViewer(permission?: Permission, callbackUrl?: string): Promise<Viewer> {
  const viewer = await currentViewer();
  if (!viewer) {
    // a staff session waiting for its second factor goes to the enrolment page
    if (await currentSignIn()) redirect("/second-factor");
    // a session cookie that no longer opens anything: the session ended (idle, 8 hours, logout elsewhere) — say so
    const ended = (await cookies()).getAll().some((c) => /(^|\.|-)next-auth\.session-token/.test(c.name));
    // where the visitor was going: the page itself (proxy.ts), else the area the caller names
    const asked = (await headers()).get("x-portal-path");
    const back = asked && /^\/(me|staff|portfolio)(\/|$)/.test(asked) ? asked : callbackUrl;
    const query = new URLSearchParams({ ...(ended ? { ended: "1" } : {}), ...(back ? { callbackUrl: back } : {}) }).toString();
    redirect(query ? `/login?${query}` : "/login");
  }
  if (permission && !allowed(viewer, permission)) notFound();
  return viewer;
}

/** Runs a data-access call for a page, turning a "not found" AppError into the 404 page. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.kind === "notFound") notFound();
    throw error;
  }
}
