import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";

// First line of defence only: anonymous visitors of the private areas go to the sign-in page.
// Roles and ownership are checked again by every page, action and data-access function.
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (!token) {
    // the browser's host (Host header), not the server's idea of it: the session cookie is per host
    const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? request.nextUrl.host;
    const proto = request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "");
    const login = new URL(`${proto}://${host}/login`);
    login.searchParams.set("callbackUrl", request.nextUrl.pathname);
    return NextResponse.redirect(login);
  }
  // an affiliate asking for the staff area gets the same answer as for a page that does not exist
  if (token.role === "AFFILIATE" && request.nextUrl.pathname.startsWith("/staff")) {
    return NextResponse.rewrite(new URL("/_not-found", request.url), { status: 404 });
  }
  return NextResponse.next();
}

export const config = { matcher: ["/me/:path*", "/staff/:path*", "/me", "/staff"] };
