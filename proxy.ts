import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";

// Runs before every page: a Content-Security-Policy with a fresh nonce (Next reads it from the request header and
// puts it on its own scripts; no inline script runs without it), then the first line of defence of the private
// areas — anonymous visitors go to the sign-in page. Roles and ownership are checked again by every page, action
// and use case.

export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV !== "production"): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a nonce'd script are trusted; eval only for the dev server's hot reload
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // style attributes (charts, progress bars) need inline styles; scripts never do
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const PRIVATE = /^\/(me|staff|portfolio)(\/|$)/;

/** Forms that take files (evidence, job files, scanned letters) accept the server actions' 16 MB; every other form a small body. */
const UPLOADS = /^\/(me\/requests|staff\/jobs|staff\/dossiers)(\/|$)/; // dossiers: a scanned letter on a contact
export const SMALL_BODY_BYTES = 256 * 1024;

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (request.method === "POST" && !UPLOADS.test(pathname) && Number(request.headers.get("content-length") ?? 0) > SMALL_BODY_BYTES) {
    return new NextResponse("Payload Too Large", { status: 413, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  if (PRIVATE.test(pathname)) {
    // the cookie's name follows lib/auth/options.ts (useSecureCookies: __Secure- prefix in production)
    const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET, secureCookie: process.env.NODE_ENV === "production" });
    if (!token) {
      // the sign-in page of the portal's configured public address (NEXTAUTH_URL), else of the host the browser
      // connected to — never of X-Forwarded-Host, which any client can set to send people to another site
      const login = new URL("/login", process.env.NEXTAUTH_URL || `${request.nextUrl.protocol}//${request.headers.get("host") ?? request.nextUrl.host}`);
      login.searchParams.set("callbackUrl", pathname);
      return NextResponse.redirect(login);
    }
    // an affiliate asking for the staff area gets the same answer as for a page that does not exist
    if ((token.role === "AFFILIATE" || token.role === "ACCOUNTANT") && pathname.startsWith("/staff")) {
      return NextResponse.rewrite(new URL("/_not-found", request.url), { status: 404 });
    }
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  // the page asked for, so that a sign-in it leads to comes back here (lib/auth/session.ts requireViewer); set here,
  // never taken from the client
  headers.set("x-portal-path", pathname);
  // …and with its query, for the busy page's link back to it (lib/http/busy.ts)
  headers.set("x-portal-url", pathname + request.nextUrl.search);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

// every page; not the static files, the images or the downloads (route handlers answer files, not HTML)
export const config = { matcher: ["/((?!_next/static|_next/image|api/|favicon.ico|icon.svg|robots.txt|manifest.webmanifest).*)"] };
