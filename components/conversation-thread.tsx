import { getLocale, getTranslations } from "next-intl/server";
import type { RequestThread } from "@/lib/dto/requests";
import { formatDate, formatDateTime } from "@/lib/format";

/**
 * The conversation of a request, oldest first: who wrote (the affiliate sees "you" / "your advisor", staff see
 * names), when (in words, Brussels time), the text, and the attachments as download links (/api/evidence: the
 * owner, or staff — each staff download logged). A request for information says so and gives its answer date.
 */
export async function ConversationThread({ thread, audience }: { thread: RequestThread; audience: "affiliate" | "staff" }) {
  const t = await getTranslations("cv_thread");
  const locale = await getLocale();
  const kb = (n: number) => Math.max(1, Math.round(n / 1024));
  const ta = await getTranslations("acc_acting");
  // a message the affiliate's accountant wrote for them is said as such, to everyone
  const author = (m: RequestThread["messages"][number]) =>
    m.mine
      ? audience === "staff" ? t("staffAuthor", { name: m.authorName }) : t("you")
      : m.byAccountant
        ? ta("messageAuthor", { name: m.authorName })
        : m.fromFund
          ? audience === "staff" ? t("staffAuthor", { name: m.authorName }) : t("yourAdvisor")
          : t("affiliateAuthor", { name: m.authorName });
  return (
    <ol className="space-y-3" data-testid="thread">
      {thread.messages.map((m) => (
        <li key={m.id} className="rounded border border-slate-300 p-3" data-testid={m.kind === "INFORMATION_REQUEST" ? "thread-information-request" : m.fromFund ? "thread-answer" : "thread-message"}>
          <p className="text-sm text-slate-700">
            <span className="font-semibold text-slate-900">{author(m)}</span> — <time dateTime={m.at}>{formatDateTime(locale, m.at)}</time>
            {m.kind === "INFORMATION_REQUEST" && <> — {t("informationRequest")}</>}
          </p>
          <p className="mt-1 whitespace-pre-wrap">{m.body}</p>
          {m.kind === "INFORMATION_REQUEST" && m.replyDueOn && <p className="mt-1 text-sm text-slate-700">{t("replyBy", { date: formatDate(locale, m.replyDueOn) })}</p>}
          {m.attachments.length > 0 && (
            <ul className="mt-2 list-disc pl-5" aria-label={t("attachments")}>
              {m.attachments.map((a) => (
                <li key={a.id}>
                  <a href={`/api/evidence/${a.id}`} download>
                    {a.fileName}
                  </a>{" "}
                  <span className="text-sm text-slate-700">{t("size", { kb: kb(a.sizeBytes) })}</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
