import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";

/**
 * Whether the new affiliate of an accepted affiliation can reach the portal: "yes" (a login that is not disabled),
 * "noEmail" (no address in the dossier: no login could be created) or "noLogin" (an address, but no login for the
 * dossier, e.g. the address belongs to another account). null for anything but an accepted affiliation.
 */
export async function portalAccessStatus(viewer: Viewer | null, requestId: string): Promise<"yes" | "noEmail" | "noLogin" | null> {
  assertPermission(viewer, "dossier:read:any");
  const r = await prisma.request.findUnique({
    where: { id: requestId },
    select: { type: true, status: true, affiliate: { select: { person: { select: { email: true } }, login: { select: { disabledAt: true } } } } },
  });
  if (!r || r.type !== "AFFILIATION" || r.status !== "ACCEPTED" || !r.affiliate) return null;
  if (r.affiliate.login && !r.affiliate.login.disabledAt) return "yes";
  return r.affiliate.person?.email ? "noLogin" : "noEmail";
}
