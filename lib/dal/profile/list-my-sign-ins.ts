import "server-only";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { recentSignIns } from "@/lib/auth/sessions";

/** My recent sign-ins — how (password, eID/itsme), when, from which address, and how each session ended. */
export async function listMySignIns(viewer: Viewer | null, limit = 10) {
  assertPermission(viewer, "own-profile:update");
  return recentSignIns(viewer.userId, limit);
}
