// The one application error. Every guarded use case refuses with it; the action wrapper (lib/actions/run-action.ts)
// and the pages (orNotFound) turn it into what the person sees:
// - notFound: the record does not exist FOR THIS VIEWER (another affiliate's, a role without the right): a 404,
//   never a 403, so that a foreign id tells nothing;
// - refused: a business rule says no (four eyes, the state machine, the recovery path…): its code is a message key;
// - invalid: what was sent cannot be used (a refused evidence file, an amount that changes nothing): field errors,
//   each a message key, as for a form that did not pass its schema.
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
