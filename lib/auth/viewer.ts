// The authenticated principal handed to every data-access function. Pages and actions obtain it from the
// session (lib/auth/session.ts); integration tests build it from a real user row.
import { can, type AppRole, type Permission } from "./permissions";
import { NotFoundError } from "@/lib/errors";

export type Viewer = {
  userId: string;
  role: AppRole;
  /** the affiliate's own dossier; for an accountant, the client whose file they opened under a live mandate */
  affiliateId: string | null;
  name: string;
  /** an accountant acting for a client: the mandate that allows it, re-read from the database on every request */
  onBehalf?: { mandateId: string; clientName: string; canFileRequests: boolean; receivesNotices: boolean };
};

/** The role's permission, and for an accountant what the live mandate grants: the client's file only while acting
 *  for them, filing only when the mandate says so. */
export function allowed(viewer: Viewer, permission: Permission): boolean {
  if (!can(viewer.role, permission)) return false;
  if (viewer.role !== "ACCOUNTANT") return true;
  if (permission === "own-dossier:read") return !!viewer.onBehalf && !!viewer.affiliateId;
  if (permission === "own-request:create") return !!viewer.onBehalf?.canFileRequests && !!viewer.affiliateId;
  return true;
}

export function assertPermission(viewer: Viewer | null, permission: Permission): asserts viewer is Viewer {
  if (!viewer || !allowed(viewer, permission)) throw new NotFoundError();
}

/** What a use case does with the dossier: reads it, files something in it (a request, a reply, a question), or
 *  acts as the person themselves (their profile, their bank's direct-debit mandate) — never done by an accountant. */
export type OwnUse = "read" | "file" | "self";
const PERMISSION_OF: Record<OwnUse, Permission> = { read: "own-dossier:read", file: "own-request:create", self: "own-profile:update" };

/** The affiliate's own dossier id (or their client's, for an accountant with a mandate for that use), or a 404. */
export function ownAffiliateId(viewer: Viewer | null, use: OwnUse = "read"): string {
  assertPermission(viewer, PERMISSION_OF[use]);
  if (!viewer.affiliateId) throw new NotFoundError();
  return viewer.affiliateId;
}
