// An accountant acting for a client (issue #17): which mandate is live on a day, and the viewer of an accountant's
// request — the client's dossier while, and only while, such a mandate exists. Read on every request (no cache), so a
// revocation closes the client's pages at once. The cookie naming the client is ACTING_COOKIE (lib/dto/accountants.ts).
import type { Prisma } from "@/lib/generated/prisma/client";
import { dbDate, todayInBrussels } from "@/lib/clock";
import type { Viewer } from "./viewer";

/** A mandate in force on `today`: active, started, not ended. */
export function liveOn(today: string): Prisma.AccountantMandateWhereInput {
  return { status: "ACTIVE", validFrom: { lte: dbDate(today) }, OR: [{ validUntil: null }, { validUntil: { gte: dbDate(today) } }] };
}

export function displayName(a: { person: { firstName: string; lastName: string } | null; company: { name: string } | null }): string {
  return a.person ? `${a.person.firstName} ${a.person.lastName}` : (a.company?.name ?? "");
}

export const clientSelect = { person: { select: { firstName: true, lastName: true } }, company: { select: { name: true } } } as const;

/** The accountant's live mandate for that client today, or null (revoked, ended, not started, someone else's). */
export async function liveMandateOf(accountantId: string, affiliateId: string, today = todayInBrussels()) {
  // imported here, not at the top: the batch jobs reach liveOn() through notify.ts without the app's client
  const { prisma } = await import("@/lib/db/client");
  const m = await prisma.accountantMandate.findFirst({
    where: { accountantId, affiliateId, ...liveOn(today) },
    select: { id: true, affiliateId: true, canFileRequests: true, receivesNotices: true, affiliate: { select: clientSelect } },
  });
  return m ? { id: m.id, affiliateId: m.affiliateId, canFileRequests: m.canFileRequests, receivesNotices: m.receivesNotices, clientName: displayName(m.affiliate) } : null;
}

/** The viewer of an accountant's request: acting for the client named by the cookie while a mandate of theirs is live
 *  today, else nobody's file (the portfolio only). The session (lib/auth/session.ts) and the tests build it here. */
export async function accountantViewer(user: { id: string; name: string }, clientId: string | null | undefined, today = todayInBrussels()): Promise<Viewer> {
  const mandate = clientId ? await liveMandateOf(user.id, clientId, today) : null;
  return {
    userId: user.id,
    role: "ACCOUNTANT",
    affiliateId: mandate ? mandate.affiliateId : null,
    name: user.name,
    ...(mandate ? { onBehalf: { mandateId: mandate.id, clientName: mandate.clientName, canFileRequests: mandate.canFileRequests, receivesNotices: mandate.receivesNotices } } : {}),
  };
}
