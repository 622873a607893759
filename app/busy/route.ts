import { busyPage, requestLocale } from "@/lib/http/busy";

// Where a page goes when the database could not serve it in time (lib/db/client.ts → lib/http/busy.ts): the
// translated "very busy, try again in a moment" page with 503 and Retry-After — a page's own render can no longer
// change its status, a route handler can. ?from= is the page to go back to (a path of this site only).
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return busyPage(requestLocale(request), new URL(request.url).searchParams.get("from"));
}
