import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, ListTable, PageTitle, Stat } from "@/components/ui";
import { requireViewer } from "@/lib/auth/session";
import { todayInBrussels } from "@/lib/clock";
import { listTransmissions } from "@/lib/dal/transmissions/list-transmissions";
import { advanceTransmissionAction, prepareTransmissionAction } from "@/lib/actions/transmissions";
import { formatDate, formatDateTime } from "@/lib/format";

// The files owed to the mutuality (benefit payments, incapacity attestations) and INASTI (issue #18 part 6): prepare, download, mark sent, mark acknowledged,
// and per kind the share sent on time (the indicator lives here, not in the KPI machinery: see the README).

const DONE = ["prepared", "sent", "acknowledged", "unchanged"] as const;
const ERRORS = ["transmission.nothingToSend", "transmission.alreadyPrepared", "transmission.notSentYet", "yearInvalid", "busy"] as const;
const button = "rounded bg-brand-700 px-3 py-1 font-semibold text-white hover:bg-brand-800";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tr_staff"))("title") };
}

export default async function TransmissionsPage({ searchParams }: { searchParams: Promise<{ done?: string; error?: string }> }) {
  const viewer = await requireViewer("transmission:manage", "/staff/transmissions");
  const sp = await searchParams;
  const today = todayInBrussels();
  const { rows, indicators } = await listTransmissions(viewer, today);
  const t = await getTranslations("tr_staff");
  const locale = await getLocale();
  const done = DONE.find((d) => d === sp.done);
  const error = ERRORS.find((e) => e === sp.error) ?? (sp.error ? "generic" : undefined);
  const who = (at: string | null, by: string | null) => (at ? t("stamp", { at: formatDateTime(locale, at), name: by ?? t("unknown") }) : "—");
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p className="max-w-3xl">{t("intro")}</p>
      {done && <p role="status" className="rounded border border-ok-700 p-3 text-ok-700">{t(`done.${done}`)}</p>}
      {error && <p role="alert" className="rounded border border-bad-700 p-3 text-bad-700">{t(`errors.${error}`)}</p>}
      <Card title={t("indicatorsTitle")}>
        <dl className="grid gap-4 sm:grid-cols-3">
          {indicators.map((i) => (
            <Stat key={i.kind} label={t(`kind.${i.kind}`)} value={i.counted === 0 ? t("noneDue") : t("onTimeShare", { onTime: i.onTime, counted: i.counted })} tone={i.counted === 0 ? "neutral" : i.onTime === i.counted ? "ok" : "bad"} />
          ))}
        </dl>
      </Card>
      <Card title={t("prepareTitle")}>
        <div className="flex flex-wrap items-end gap-6">
          <form action={prepareTransmissionAction}>
            <input type="hidden" name="kind" value="MUTUALITY_BENEFIT_PAYMENTS" />
            <button type="submit" className={button}>{t("prepareMutuality")}</button>
          </form>
          <form action={prepareTransmissionAction}>
            <input type="hidden" name="kind" value="MUTUALITY_INCAPACITY_ATTESTATIONS" />
            <button type="submit" className={button}>{t("prepareIncapacity")}</button>
          </form>
          <form action={prepareTransmissionAction} className="flex items-end gap-2">
            <input type="hidden" name="kind" value="INASTI_CAREER" />
            <div>
              <label htmlFor="tr-year" className="block font-medium">{t("year")}</label>
              <input id="tr-year" name="year" inputMode="numeric" aria-describedby="tr-year-hint" className="mt-1 w-24 rounded border border-slate-500 px-2 py-1" />
              <p id="tr-year-hint" className="text-sm text-slate-700">{t("yearHint")}</p>
            </div>
            <button type="submit" className={button}>{t("prepareInasti")}</button>
          </form>
        </div>
      </Card>
      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ListTable
          caption={t("caption")}
          columns={[{ label: t("file") }, { label: t("status") }, { label: t("dueOn") }, { label: t("prepared") }, { label: t("sent") }, { label: t("acknowledged") }, { label: t("actions"), srOnly: true }]}
        >
          {rows.map((r) => {
            const name = t("fileName", { kind: t(`kind.${r.kind}`), period: r.kind === "INASTI_CAREER" ? r.period : formatDate(locale, r.period) });
            return (
              <tr key={r.id} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-2 pr-3 font-normal">
                  <a href={`/api/staff/transmissions/${r.id}`}>{name}</a>
                  <br />
                  <span className="text-slate-700">{t("items", { count: r.itemCount })}</span>
                </th>
                <td className="py-2 pr-3">{t(`statusName.${r.status}`)}</td>
                <td className="py-2 pr-3">{formatDate(locale, r.dueOn)}<br /><span className={r.timing === "late" ? "text-bad-700" : "text-slate-700"}>{t(`timing.${r.timing}`)}</span></td>
                <td className="py-2 pr-3">{who(r.preparedAt, r.preparedBy)}</td>
                <td className="py-2 pr-3">{who(r.sentAt, r.sentBy)}</td>
                <td className="py-2 pr-3">{who(r.acknowledgedAt, r.acknowledgedBy)}</td>
                <td className="py-2">
                  {r.status !== "ACKNOWLEDGED" && (
                    <form action={advanceTransmissionAction}>
                      <input type="hidden" name="id" value={r.id} />
                      <input type="hidden" name="to" value={r.status === "PREPARED" ? "SENT" : "ACKNOWLEDGED"} />
                      <button type="submit" className={button}>{t(r.status === "PREPARED" ? "markSent" : "markAcknowledged", { file: name })}</button>
                    </form>
                  )}
                </td>
              </tr>
            );
          })}
        </ListTable>
      )}
    </div>
  );
}
