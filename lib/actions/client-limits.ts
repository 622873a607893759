import "server-only";
import { headers } from "next/headers";
import { clientAddress, withinLimit, type LIMITS } from "@/lib/auth/limits";
import type { ActionResult } from "./result";

/** A public form's attempt counted against its address's limit (lib/auth/limits.ts); the refusal to return when the
 *  limit is reached, else null. Outside a request (scripts, tests) every caller shares the address "unknown". */
export async function refusedByLimit(name: keyof typeof LIMITS): Promise<ActionResult<never> | null> {
  let address: string | null = null;
  try {
    address = clientAddress(await headers());
  } catch {
    // no request scope
  }
  return (await withinLimit(name, address)) ? null : { ok: false, code: "tooManyAttempts" };
}
