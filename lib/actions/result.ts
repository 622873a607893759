// What every server action returns: data, or a translated error code with per-field errors (GOV.UK pattern).
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: string; fieldErrors?: Record<string, string[]> };
