import "server-only";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

// Limits per client address, counted in PostgreSQL (the "RateLimit" table) so that they hold across several app
// servers — rate-limiter-flexible's PostgreSQL store, a maintained limiter (docs/decisions/0032). The per-account
// counter of failed sign-ins is the User row's (lib/auth/options.ts).

const globalForLimits = globalThis as unknown as { limitsPool?: pg.Pool };

function pool(): pg.Pool {
  if (!globalForLimits.limitsPool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    globalForLimits.limitsPool = new pg.Pool({ connectionString, max: 3, allowExitOnIdle: true });
  }
  return globalForLimits.limitsPool;
}

const limiters = new Map<string, RateLimiterPostgres>();
function limiter(name: keyof typeof LIMITS): RateLimiterPostgres {
  let l = limiters.get(name);
  if (!l) {
    const { points, seconds } = LIMITS[name];
    l = new RateLimiterPostgres({ storeClient: pool(), storeType: "pool", tableName: "RateLimit", tableCreated: true, clearExpiredByTimeout: false, keyPrefix: name, points, duration: seconds });
    limiters.set(name, l);
  }
  return l;
}

/** Attempts allowed per client address and window. */
export const LIMITS = {
  /** failed sign-in attempts (password or second factor) */
  signIn: { points: 30, seconds: 15 * 60 },
  /** public forms that send an e-mail or create a record: forgot password, activation, affiliation request */
  publicForm: { points: 10, seconds: 60 * 60 },
} as const;

/** Whether `address` has already used up the limit (the attempt is refused without being looked at). */
export async function limitReached(name: keyof typeof LIMITS, address: string | null | undefined): Promise<boolean> {
  const used = await limiter(name).get(address || "unknown");
  return !!used && used.consumedPoints >= LIMITS[name].points;
}

/** Counts one failed attempt of `address` (a sign-in refused). */
export async function countAgainst(name: keyof typeof LIMITS, address: string | null | undefined): Promise<void> {
  try {
    await limiter(name).consume(address || "unknown");
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
  }
}

/** Counts one attempt of `address` against the limit; false when the limit is reached (the attempt is refused). */
export async function withinLimit(name: keyof typeof LIMITS, address: string | null | undefined): Promise<boolean> {
  try {
    await limiter(name).consume(address || "unknown");
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}

/** The client's address from the request headers: the address the nearest proxy saw (the right-most entry of
 *  X-Forwarded-For, which Next.js and a reverse proxy append to), else X-Real-IP. */
export function clientAddress(headers: { get(name: string): string | null } | Record<string, string | string[] | undefined> | undefined): string | null {
  if (!headers) return null;
  const get = (n: string) => {
    if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(name: string): string | null }).get(n);
    const v = (headers as Record<string, string | string[] | undefined>)[n];
    return Array.isArray(v) ? v.join(",") : (v ?? null);
  };
  const forwarded = get("x-forwarded-for");
  const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  return last || get("x-real-ip") || null;
}
