import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ListTable } from "@/components/ui";
import { DeadlineBadge } from "@/components/backoffice/deadline-badge";
import { QUEUE_FORM_ID } from "@/components/backoffice/queue-bulk-assign";
import type { QueueItem } from "@/lib/dto/requests";
import { formatDate } from "@/lib/format";

/** Where a line's deadline stands, in words: days left or late, paused (since when, what is left), or with INASTI. */
async function DeadlineState({ item }: { item: QueueItem }) {
  const t = await getTranslations("bo_queue");
  const locale = await getLocale();
  if (item.badge === "forwarded") return <p>{t("withInasti")}</p>;
  if (item.badge === "paused") {
    const left = item.daysLeftAtPause ?? item.daysLeft;
    return (
      <p>
        {item.pausedSince ? t("pausedSince", { date: formatDate(locale, item.pausedSince) }) : t("pausedNoDate")}{" "}
        {left >= 0 ? t("pausedRemaining", { days: left }) : t("pausedOverdue", { days: -left })}
      </p>
    );
  }
  return <p>{item.daysLeft >= 0 ? t("days", { days: item.daysLeft }) : t("overdue", { days: -item.daysLeft })}</p>;
}

/** One page of the work queue: a checkbox per line (tied to the bulk assignment form when the viewer may assign). */
export async function QueueTable({ items, caption, selectable }: { items: QueueItem[]; caption: string; selectable: boolean }) {
  const t = await getTranslations("bo_queue");
  const tt = await getTranslations("requestType");
  const ts = await getTranslations("bo_status");
  const locale = await getLocale();
  const label = (i: QueueItem) => `${i.reference ?? t("message")} — ${i.dossierName || "—"}`;
  return (
    <ListTable
      caption={caption}
      captionClassName="mb-2 text-left font-semibold"
      columns={[
        ...(selectable ? [{ label: t("bulkTitle"), srOnly: true }] : []),
        { label: t("reference") },
        { label: t("dossier") },
        { label: t("filedOn") },
        { label: t("dueOn") },
        { label: t("deadlineState") },
        { label: t("state") },
        { label: t("assignee") },
      ]}
    >
      {items.map((i) => (
        <tr key={`${i.kind}-${i.id}`} className="border-b border-slate-100 align-top">
          {selectable && (
            <td className="py-2 pr-3">
              <input type="checkbox" name="items" value={`${i.kind}:${i.id}`} form={QUEUE_FORM_ID} aria-label={t("select", { label: label(i) })} className="h-4 w-4" />
            </td>
          )}
          <th scope="row" className="py-2 pr-3 font-normal">
            {i.kind === "request" ? (
              <Link href={`/staff/requests/${i.id}`} aria-label={t("open", { reference: i.reference ?? "" })}>{i.reference}</Link>
            ) : (
              <span>{t("message")}</span>
            )}
            <br />
            <span className="text-slate-700">{i.type === "MESSAGE" ? t("message") : tt(i.type)}</span>
          </th>
          <td className="py-2 pr-3">
            {i.affiliateId ? <Link href={`/staff/dossiers/${i.affiliateId}`}>{i.dossierName}</Link> : (i.dossierName || "—")}
            <br />
            <span className="text-slate-700">{i.memberNumber}</span>
          </td>
          <td className="py-2 pr-3">{formatDate(locale, i.filedOn)}</td>
          <td className="py-2 pr-3">
            {formatDate(locale, i.dueOn)} <span className="text-slate-700">({t(`deadline.${i.deadline}`)})</span>
            {i.badge === "paused" && i.deadline === "decision" && <><br /><span className="text-slate-700">{t("movesWhilePaused")}</span></>}
          </td>
          <td className="max-w-xs py-2 pr-3">
            <DeadlineBadge badge={i.badge} />
            <DeadlineState item={i} />
          </td>
          <td className="py-2 pr-3">{ts(i.status as "OPEN")}</td>
          <td className="py-2">{i.assigneeName ?? t("none")}</td>
        </tr>
      ))}
    </ListTable>
  );
}
