import "next-auth/jwt";
import type { AppRole } from "./permissions";

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: AppRole;
    affiliateId?: string | null;
    locale?: string;
    /** the server-side session (UserSession) this cookie belongs to */
    sid?: string;
    /** staff: the second factor was given in this session */
    sf?: boolean;
  }
}
