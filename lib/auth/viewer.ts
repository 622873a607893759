// The authenticated principal handed to every data-access function. Pages and actions obtain it from the
// session (lib/auth/session.ts); integration tests build it from a real user row.
import { can, type AppRole, type Permission } from "./permissions";
import { NotFoundError } from "@/lib/errors";

export type Viewer = {
  userId: string;
  role: AppRole;
  affiliateId: string | null;
  name: string;
};


export function assertPermission(viewer: Viewer | null, permission: Permission): asserts viewer is Viewer {
  if (!viewer || !can(viewer.role, permission)) throw new NotFoundError();
}

/** The affiliate's own dossier id, or a 404 for anyone else. */
export function ownAffiliateId(viewer: Viewer | null): string {
  assertPermission(viewer, "own-dossier:read");
  if (!viewer.affiliateId) throw new NotFoundError();
  return viewer.affiliateId;
}
