import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { answersBusy } from "@/lib/http/busy";

// a busy database (a session read while the pool is full): the 503 busy page, never a 500 (lib/http/busy.ts)
const handler = answersBusy(NextAuth(authOptions) as (request: Request, context: unknown) => Promise<Response>);
export { handler as GET, handler as POST };
