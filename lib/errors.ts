// The one application error. Every guarded use case refuses with it; the action wrapper (lib/actions/run-action.ts)
// and the pages (orNotFound) turn it into what the person sees:
// - notFound: the record does not exist FOR THIS VIEWER (another affiliate's, a role without the right): a 404,
//   never a 403, so that a foreign id tells nothing;
// - refused: a business rule says no (four eyes, the state machine, the recovery path…): its code is a message key;
// - invalid: what was sent cannot be used (a refused evidence file, an amount that changes nothing): field errors,
//   each a message key, as for a form that did not pass its schema.
// A busy database (pool full, statement timeout) is no refusal of the use case: it is the BusyError below, answered
// "try again in a moment" — a 503 with Retry-After, never a 500 (lib/db/client.ts raises it, lib/http/busy.ts answers).
// The pure domain keeps its own DomainError, the batch runs their JobRefusal (exit code 2 and a list of errors),
// the CODA reader its CodaError: each is translated where it crosses into a use case.

export type AppErrorKind = "notFound" | "refused" | "invalid";

export class AppError extends Error {
  constructor(
    readonly kind: AppErrorKind,
    readonly code: string,
    readonly fieldErrors?: Record<string, string[]>,
    /** what the refusal is about, for a caller that shows more than the message (e.g. which calls are ineligible) */
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = "AppError";
  }
}

/** A record that does not exist for this viewer; pages turn it into a 404. */
export class NotFoundError extends AppError {
  constructor(what = "record") {
    super("notFound", "notFound");
    this.message = `${what} not found`;
    this.name = "NotFoundError";
  }
}

/** A business refusal; `code` is a message key of the screen's error namespace. */
export function refused(code: string, details?: Record<string, unknown>): AppError {
  return new AppError("refused", code, undefined, details);
}

/** Input that cannot be used, as field errors (message keys per field). */
export function invalid(fieldErrors: Record<string, string[]>, details?: Record<string, unknown>): AppError {
  return new AppError("invalid", "validation", fieldErrors, details);
}

/**
 * The database could not serve in time (pool exhausted, statement timeout, a transaction that could not start):
 * nobody's fault, "try again in a moment". A server action answers { ok: false, code: "busy" }, a route handler and a
 * page the 503 busy page (lib/http/busy.ts). Deliberately not an AppError: Prisma re-wraps any error that carries a
 * `code` and is thrown under a model query into its own PrismaClientKnownRequestError, which would hide it.
 */
export class BusyError extends Error {
  readonly kind = "busy";
  constructor(cause?: unknown) {
    super("the database is too busy to answer in time", { cause });
    this.name = "BusyError";
  }
}

export function isBusyError(error: unknown): error is BusyError {
  // by shape too: a bundler may load this module more than once
  return error instanceof BusyError || (error instanceof Error && error.name === "BusyError" && (error as { kind?: unknown }).kind === "busy");
}

// Prisma: P2024 no pool connection in time, P2028 a transaction that could not start (maxWait) or outlived its timeout.
// PostgreSQL: 57014 a statement cancelled (statement_timeout), 53300 too many connections, 57P03 not accepting yet.
const BUSY_CODES = new Set(["P2024", "P2028", "57014", "53300", "57P03"]);
// what node-postgres says when no connection came in time (it sets no code)
const BUSY_MESSAGES = /timeout exceeded when trying to connect|Connection terminated due to connection timeout|canceling statement due to statement timeout|Unable to start a transaction in the given time/i;

/**
 * Whether an error thrown by a query means "the database could not serve in time" — pool exhausted, statement
 * timeout, transaction that could not start — rather than a bug or a refused write. The error may be Prisma's
 * (code, meta.driverAdapterError.cause), the adapter's (cause.originalCode) or node-postgres' own (message only).
 */
export function isDatabaseBusy(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number): boolean => {
    if (!e || typeof e !== "object" || depth > 4 || seen.has(e)) return false;
    seen.add(e);
    const o = e as { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof o.code === "string" && BUSY_CODES.has(o.code)) return true;
    if (typeof o.originalCode === "string" && BUSY_CODES.has(o.originalCode)) return true;
    if (typeof o.message === "string" && BUSY_MESSAGES.test(o.message)) return true;
    return visit(o.cause, depth + 1) || visit(o.meta?.driverAdapterError, depth + 1);
  };
  return visit(error, 0);
}
