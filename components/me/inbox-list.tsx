import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { markNotificationsReadAction } from "@/lib/actions/me-inbox";
import { type MyNotifications } from "@/lib/dto/account";
import { formatDateTime } from "@/lib/format";

/** The fund's notices to the affiliate, newest first: what happened, when, and where to read more. */
export async function InboxList({ items }: { items: MyNotifications["items"] }) {
  const t = await getTranslations("ss_inbox");
  const locale = await getLocale();
  if (items.length === 0) return <p>{t("empty")}</p>;
  return (
    <ol className="divide-y divide-slate-200" data-testid="inbox">
      {items.map((n) => (
        <li key={n.id} className="py-3">
          <article aria-labelledby={`notice-${n.id}`}>
            <h3 id={`notice-${n.id}`} className={n.read ? "font-medium" : "font-semibold"}>
              {!n.read && <span className="mr-2 rounded bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white">{t("new")}</span>}
              {n.subject}
            </h3>
            <p className="text-sm text-slate-700">{formatDateTime(locale, n.at)}</p>
            <p className="mt-1 whitespace-pre-line">{n.text}</p>
            <div className="mt-1 flex flex-wrap items-center gap-4">
              {n.link && <Link href={n.link}>{t("open")}</Link>}
              {!n.read && (
                <form action={markNotificationsReadAction}>
                  <input type="hidden" name="id" value={n.id} />
                  <button type="submit" className="text-sm underline">{t("markRead")}</button>
                </form>
              )}
            </div>
          </article>
        </li>
      ))}
    </ol>
  );
}
