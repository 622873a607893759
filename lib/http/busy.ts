// "The service is very busy, try again in a moment": what a request gets when the database could not serve it in time
// (pool exhausted, statement timeout — lib/errors.ts isDatabaseBusy), instead of a 500. docs/decisions/0040.
//
// - a route handler answers 503 with Retry-After and the translated page (answersBusy / busyResponse);
// - a page being rendered cannot change its status any more (Next 16 only lets a render end in 404/403/401 or a
//   redirect), so the database client turns the busy error into a redirect to /busy (app/busy/route.ts), a route
//   handler that answers the translated page with 503 and Retry-After, and a link back to the page;
// - a server action gets the BusyError, which runAction turns into { ok: false, code: "busy" }.
import { BusyError, isBusyError, isDatabaseBusy } from "@/lib/errors";
import { isLocale, localeFromAcceptLanguage, LOCALE_COOKIE, type AppLocale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";

export const BUSY_PATH = "/busy";
/** Seconds a client is asked to wait before trying again (Retry-After). */
export const RETRY_AFTER_SECONDS = 5;

/** Marks the redirect to the busy page, so that whoever meets it on its way up (next-auth's logger) lets it through. */
const BUSY_MARK = Symbol.for("caisse-portal.busy");

/** A busy database, however it shows: the BusyError, the redirect to the busy page, or the raw driver error. */
export function isBusy(error: unknown): boolean {
  return isBusyError(error) || (typeof error === "object" && error !== null && BUSY_MARK in error) || isDatabaseBusy(error);
}

/** A path of this site to go back to (never another site: no scheme, no "//" or "/\"). */
export function returnPath(from: string | null | undefined): string {
  if (!from || !from.startsWith("/") || from.startsWith("//") || from.startsWith("/\\")) return "/";
  return from;
}

/** The error to throw where a query met a busy database: in a page being rendered, the redirect to the busy page;
 *  anywhere else (server action, route handler, job, test), the BusyError. */
export async function busyOutcome(cause: unknown): Promise<Error> {
  const busy = new BusyError(cause);
  let from: string | null;
  try {
    const { headers } = await import("next/headers");
    const h = await headers();
    // x-portal-path is set by proxy.ts on page requests (not on /api); a server action posts with Next-Action
    from = h.get("x-portal-path") && !h.get("next-action") ? (h.get("x-portal-url") ?? h.get("x-portal-path")) : null;
  } catch {
    return busy; // outside a request: a job, a script, a test
  }
  if (from === null) return busy;
  const { redirect } = await import("next/navigation");
  try {
    redirect(`${BUSY_PATH}?from=${encodeURIComponent(returnPath(from))}`);
  } catch (redirection) {
    Object.defineProperty(redirection, BUSY_MARK, { value: true });
    return redirection as Error;
  }
  return busy; // not reached: redirect() always throws
}

type BusyText = { title: string; body: string; retry: string };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The translated busy page: 503, Retry-After, never cached, never indexed. */
export async function busyPage(locale: AppLocale, from: string | null): Promise<Response> {
  const t = (await loadMessages(locale)).busy as BusyText;
  const back = returnPath(from);
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(t.title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#0f172a}main{max-width:40rem;margin:3rem auto;padding:0 1.5rem}
h1{font-size:1.5rem}a{display:inline-block;margin-top:1rem;padding:.5rem 1rem;border-radius:.25rem;background:#1d4ed8;color:#fff;text-decoration:none}
a:focus{outline:3px solid #f59e0b;outline-offset:2px}</style>
</head>
<body>
<main id="main">
<h1>${escape(t.title)}</h1>
<p>${escape(t.body)}</p>
<a href="${escape(back)}">${escape(t.retry)}</a>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Retry-After": String(RETRY_AFTER_SECONDS),
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}

/** The language of a request without next/headers: the remembered choice (cookie), else the browser's. */
export function requestLocale(request: Request): AppLocale {
  const cookie = request.headers.get("cookie") ?? "";
  const chosen = cookie.split(/;\s*/).find((c) => c.startsWith(`${LOCALE_COOKIE}=`))?.slice(LOCALE_COOKIE.length + 1);
  return isLocale(chosen) ? chosen : localeFromAcceptLanguage(request.headers.get("accept-language"));
}

/** A route handler's answer to a busy database: the busy page (503), with a link back to what was asked. */
export function busyResponse(request: Request): Promise<Response> {
  const url = new URL(request.url);
  return busyPage(requestLocale(request), url.pathname + url.search);
}

/** The same, where only next/headers knows the request (a route handler's helper such as documentResponse). */
export async function busyResponseHere(): Promise<Response> {
  const { cookies, headers } = await import("next/headers");
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  return busyPage(isLocale(chosen) ? chosen : localeFromAcceptLanguage((await headers()).get("accept-language")), null);
}

/** Wraps a route handler: a busy database becomes the 503 busy page, anything else goes on up unchanged. */
export function answersBusy<A extends [Request, ...unknown[]]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isBusy(error)) return busyResponse(args[0]);
      throw error;
    }
  };
}
