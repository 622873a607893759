import "server-only";
import type { z } from "zod";
import { currentViewer } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, isBusyError } from "@/lib/errors";
import type { ActionResult } from "./result";

// The one shape of a server action: zod parse → the signed-in viewer → a guarded use case → ActionResult. The use
// case checks the viewer (a foreign record is a "not found"); an AppError becomes { ok: false, code, fieldErrors }, a
// busy database { ok: false, code: "busy" }; anything else — a redirect, a bug — goes on up (the error page), never a silent success.

/** The one field-error rule: every issue under the first segment of its path ("form" when it has none), in order. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return fieldErrors;
}

export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  call: (data: z.infer<S>, viewer: Viewer | null) => Promise<T>,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "validation", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    return { ok: true, data: await call(parsed.data, await currentViewer()) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) };
    // a busy database: "try again in a moment", never a 500 (lib/errors.ts, docs/decisions/0040)
    if (isBusyError(error)) return { ok: false, code: "busy" };
    throw error;
  }
}

/** FormData as the schemas read it: plain fields, the last value winning (checkbox groups: see form-input.ts). */
export function fields(formData: FormData): Record<string, unknown> {
  return Object.fromEntries(formData);
}
