import "server-only";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { resetSecondFactor } from "@/lib/auth/second-factor";
import { NotFoundError, refused } from "@/lib/errors";

/** An admin resets another staff member's second factor (lost phone): their sessions end, their next sign-in enrols
 *  again. Never one's own (another admin does it). */
export async function resetStaffSecondFactor(viewer: Viewer | null, userId: string): Promise<void> {
  assertPermission(viewer, "staff:manage");
  if (userId === viewer.userId) throw refused("ownSecondFactor");
  if (!(await resetSecondFactor(viewer.userId, userId))) throw new NotFoundError("user");
}
