import { NextResponse } from "next/server";
import { currentSignIn, currentViewer } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/permissions";
import { getMyLocale } from "@/lib/dal/profile/get-my-locale";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { answersBusy } from "@/lib/http/busy";

// A relative Location: behind a proxy or on 127.0.0.1 the server's own idea of its host may differ from the
// browser's, and the session cookie belongs to the browser's host.
function redirectTo(path: string) {
  return new NextResponse(null, { status: 303, headers: { Location: path } });
}

// After a successful sign-in: restore the user's language and send them to their area (or where they were going).
// A busy database: the 503 busy page (lib/http/busy.ts), never a 500.
export const GET = answersBusy(async (request: Request) => {
  const viewer = await currentViewer();
  const url = new URL(request.url);
  // a staff member's first sign-in: the second factor is enrolled before anything else
  if (!viewer) return redirectTo((await currentSignIn()) ? "/second-factor" : "/login");
  const wanted = url.searchParams.get("callbackUrl");
  const home = homeFor(viewer.role);
  // only same-site paths inside the user's own area
  const target = wanted && wanted.startsWith(home) && !wanted.startsWith("//") ? wanted : home;
  const response = redirectTo(target);
  const locale = await getMyLocale(viewer).catch(() => null);
  if (locale) response.cookies.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  return response;
});
