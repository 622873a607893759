import { getLocale, getTranslations } from "next-intl/server";
import { dateFormat, formatCodes, formatMoney } from "@/lib/format";
import type { JobRunRow } from "@/lib/dto/jobs";
import { JobErrorList } from "./job-error-list";
import { SecondRunButton } from "./second-run-button";

const STATUS_CLASS: Record<JobRunRow["status"], string> = { RUNNING: "text-brand-800", SUCCEEDED: "text-ok-700", FAILED: "text-bad-700", REFUSED: "text-warn-800" };

/** The JobRun history: status, progress bar, counts and totals, refusals. */
export async function JobHistory({ runs }: { runs: JobRunRow[] }) {
  const t = await getTranslations("moJobs");
  const locale = await getLocale();
  const when = (iso: string) => dateFormat(locale, { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Brussels" }).format(new Date(iso));
  const jobName = (j: string) => (t.has(`jobNames.${j}`) ? t(`jobNames.${j}` as never) : j);
  const label = (ns: "counts" | "categories", key: string) => (t.has(`${ns}.${key}`) ? t(`${ns}.${key}` as never) : key);
  if (runs.length === 0) return <p>{t("empty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("historyCaption")}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-3">{t("job")}</th>
            <th scope="col" className="py-2 pr-3">{t("when")}</th>
            <th scope="col" className="py-2 pr-3">{t("mode")}</th>
            <th scope="col" className="py-2 pr-3">{t("status")}</th>
            <th scope="col" className="py-2 pr-3">{t("progress")}</th>
            <th scope="col" className="py-2 pr-3">{t("results")}</th>
            <th scope="col" className="py-2 text-right">{t("amount")}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const progressId = `progress-${r.id}`;
            return (
              <tr key={r.id} className="border-b border-slate-100 align-top" data-job-run={r.id}>
                <th scope="row" className="py-1 pr-3 font-normal">
                  {jobName(r.job)}
                  {/* the parameters people chose, named and in words ("Trimestre : T4 2026"); technical ones left out */}
                  {Object.entries(r.params).filter(([k, v]) => (typeof v === "string" || typeof v === "number") && t.has(`paramNames.${k}`)).map(([k, v]) => (
                    <span key={k} className="block text-slate-700">{t("paramValues", { name: t(`paramNames.${k}`), value: k === "file" ? String(v).split("/").pop() ?? "" : formatCodes(locale, String(v)) })}</span>
                  ))}
                </th>
                <td className="py-1 pr-3">{when(r.startedAt)}{r.startedBy && <span className="block text-slate-700">{t("byName", { name: r.startedBy })}</span>}{r.scheduled && <span className="block text-slate-700">{t("byScheduler")}</span>}</td>
                <td className="py-1 pr-3">
                  {r.dryRun ? t("modeDry") : t("modeReal")}
                  {r.secondRun === "waiting" && <span className="block text-warn-800">{t("secondRunWaiting")}</span>}
                  {r.secondRun === "yours" && <SecondRunButton dryRunId={r.id} label={t("secondRunButton", { job: jobName(r.job), name: r.startedBy ?? "" })} />}
                </td>
                <td className={`py-1 pr-3 font-semibold ${STATUS_CLASS[r.status]}`}>{t(`statuses.${r.status}`)}</td>
                <td className="py-1 pr-3">
                  <span id={progressId} className="sr-only">{t("progressLabel", { job: jobName(r.job), when: when(r.startedAt) })}</span>
                  <progress aria-labelledby={progressId} max={1000} value={r.progress} className="w-24" />
                  <span className="ml-1 font-mono">{Math.floor(r.progress / 10)} %</span>
                </td>
                <td className="py-1 pr-3">
                  <ul>
                    {Object.entries(r.counts).map(([k, v]) => (<li key={k}>{t("countValue", { label: label("counts", k), value: String(v) })}</li>))}
                    {Object.entries(r.byCategory).map(([k, v]) => (<li key={k}>{t("countValue", { label: label("categories", k), value: `${v.count} · ${formatMoney(locale, v.totalCents)}` })}</li>))}
                  </ul>
                  {r.errors.length > 0 && <div className={r.status === "SUCCEEDED" ? "text-warn-800" : "text-bad-700"}><JobErrorList errors={r.errors.slice(0, 10)} /></div>}
                </td>
                <td className="py-1 text-right font-mono">{formatMoney(locale, r.totalCents)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
