import { unsubscribeFromBulletin } from "@/lib/dal/bulletins/unsubscribe-from-bulletin";
import { portalBaseUrl } from "@/lib/auth/activation";
import { answersBusy } from "@/lib/http/busy";

// The one click that unsubscribes an affiliate from a bulletin topic, without signing in (the link's HMAC is the
// proof): from the confirmation page's form (then back to it), or from a mail client honouring the e-mail's
// List-Unsubscribe-Post header (RFC 8058: a POST of "List-Unsubscribe=One-Click" to the List-Unsubscribe URL, whose
// query carries the token). A bad token: 400, nothing changed. GET is not accepted here: opening a link never unsubscribes.
// A busy database: the 503 busy page (lib/http/busy.ts), never a 500.
export const POST = answersBusy(async (request: Request) => {
  const url = new URL(request.url);
  const form = await request.formData().catch(() => null);
  const field = (name: string) => url.searchParams.get(name) ?? (form?.get(name) as string | null) ?? undefined;
  const done = await unsubscribeFromBulletin({ a: field("a"), topic: field("topic"), s: field("s") });
  if (!done) return new Response("Invalid unsubscribe link", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (form?.get("List-Unsubscribe") === "One-Click") return new Response("Unsubscribed", { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
  const back = new URL("/bulletin/unsubscribe", portalBaseUrl() || url.origin);
  back.searchParams.set("done", done.topic);
  return Response.redirect(back, 303);
});
