"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { dryRunJobAction, runJobForRealAction, type DryRunSummary } from "@/lib/actions/money-jobs";
import { FILE_JOBS, UI_JOBS, jobDryRunSchema, type JobDryRunInput, type UiJob } from "@/lib/schemas/money-jobs";
import { formatMoney } from "@/lib/format";
import { JobErrorList, type JobErrorItem } from "./job-error-list";

/** Start a job: a dry run first (counts and totals per category), then "run for real" of that very dry run. */
export function JobForm() {
  const t = useTranslations("moJobs");
  const te = useTranslations("moErrors");
  const locale = useLocale();
  const router = useRouter();
  const [summary, setSummary] = useState<DryRunSummary | null>(null);
  const [refusal, setRefusal] = useState<JobErrorItem[] | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [started, setStarted] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [realPending, setRealPending] = useState(false);
  const { register, handleSubmit, setError, control, getValues, formState: { errors, isSubmitting } } = useForm<JobDryRunInput>({
    resolver: zodResolver(jobDryRunSchema),
    defaultValues: { job: "surcharges", quarter: "", year: "", collectOn: "" },
  });
  const job = useWatch({ control, name: "job" }) as UiJob;
  const isFileJob = FILE_JOBS.includes(job);

  const onDryRun = handleSubmit(async (data, event) => {
    setSummary(null);
    setRefusal(null);
    setServerError(null);
    setStarted(false);
    setFileError(null);
    const form = (event?.target as HTMLFormElement | undefined) ?? null;
    const fd = new FormData();
    for (const [k, v] of Object.entries(data)) if (typeof v === "string") fd.set(k, v);
    if (FILE_JOBS.includes(data.job as UiJob)) {
      const input = form?.querySelector<HTMLInputElement>("#job-file");
      const file = input?.files?.[0];
      if (!file) return setFileError("fileRequired");
      fd.set("file", file);
    }
    const r = await dryRunJobAction(fd);
    router.refresh();
    if (r.ok) return setSummary(r.data);
    if (r.fieldErrors) {
      for (const [name, msgs] of Object.entries(r.fieldErrors)) {
        if (name === "file") setFileError(msgs?.[0] ?? "fileRequired");
        else setError(name as keyof JobDryRunInput, { message: msgs?.[0] ?? "validation" });
      }
    } else if (r.errors) setRefusal(r.errors);
    else setServerError(r.code);
  });

  async function runForReal() {
    if (!summary) return;
    setRealPending(true);
    const r = await runJobForRealAction({ dryRunId: summary.jobRunId });
    setRealPending(false);
    if (r.ok) {
      setSummary(null);
      setStarted(true);
    } else setServerError(r.code);
    router.refresh();
  }

  const fieldErrors: [string, string][] = Object.entries(errors).map(([name, e]) => [name, e?.message ?? "validation"]);
  if (fileError) fieldErrors.push(["file", fileError]);
  const describe = (name: string, hint?: string) => [errors[name as keyof JobDryRunInput] || (name === "file" && fileError) ? `job-${name}-error` : null, hint].filter(Boolean).join(" ") || undefined;
  const money = (c: number) => formatMoney(locale, c);
  const label = (ns: "counts" | "categories", key: string) => (t.has(`${ns}.${key}`) ? t(`${ns}.${key}` as never) : key);

  return (
    <div className="space-y-4">
      <form method="post" onSubmit={onDryRun} noValidate className="space-y-3" encType="multipart/form-data">
        {(fieldErrors.length > 0 || serverError) && (
          <div role="alert" className="border-l-4 border-bad-700 bg-white p-2 text-bad-700">
            <p>{t("errorSummary")}</p>
            <ul className="list-disc pl-5">
              {fieldErrors.map(([name, msg]) => (<li key={name}><a href={`#job-${name}`}>{te(msg as never)}</a></li>))}
              {serverError && <li>{te.has(serverError) ? te(serverError as never) : te("unknown", { code: serverError })}</li>}
            </ul>
          </div>
        )}
        {refusal && (
          <div role="alert" className="border-l-4 border-bad-700 bg-white p-2 text-bad-700">
            <p>{t("refusedSummary")}</p>
            <JobErrorList errors={refusal} />
          </div>
        )}
        <div>
          <label htmlFor="job-job" className="block font-medium">{t("job")}</label>
          <select id="job-job" {...register("job", { onChange: () => { setSummary(null); setRefusal(null); setStarted(false); } })} aria-invalid={!!errors.job} aria-describedby={describe("job")}
            className="mt-1 rounded border border-slate-500 px-2 py-1">
            {UI_JOBS.map((j) => (<option key={j} value={j}>{t(`jobNames.${j}`)}</option>))}
          </select>
          {errors.job && <p id="job-job-error" className="text-sm text-bad-700">{te(errors.job.message as never)}</p>}
        </div>
        {job === "quarterly-calls" && (
          <div>
            <label htmlFor="job-quarter" className="block font-medium">{t("quarter")}</label>
            <input id="job-quarter" {...register("quarter")} aria-invalid={!!errors.quarter} aria-describedby={describe("quarter")} className="mt-1 w-40 rounded border border-slate-500 px-2 py-1" />
            {errors.quarter && <p id="job-quarter-error" className="text-sm text-bad-700">{te(errors.quarter.message as never)}</p>}
          </div>
        )}
        {(job === "company-calls" || job === "tax-certificates") && (
          <div>
            <label htmlFor="job-year" className="block font-medium">{t("year")}</label>
            <input id="job-year" inputMode="numeric" {...register("year")} aria-invalid={!!errors.year} aria-describedby={describe("year")} className="mt-1 w-32 rounded border border-slate-500 px-2 py-1" />
            {errors.year && <p id="job-year-error" className="text-sm text-bad-700">{te(errors.year.message as never)}</p>}
          </div>
        )}
        {job === "direct-debit" && (
          <div>
            <label htmlFor="job-collectOn" className="block font-medium">{t("collectOn")}</label>
            <input id="job-collectOn" {...register("collectOn")} aria-invalid={!!errors.collectOn} aria-describedby={describe("collectOn")} className="mt-1 w-40 rounded border border-slate-500 px-2 py-1" />
            {errors.collectOn && <p id="job-collectOn-error" className="text-sm text-bad-700">{te(errors.collectOn.message as never)}</p>}
          </div>
        )}
        {isFileJob && (
          <div>
            <label htmlFor="job-file" className="block font-medium">{t("file")}</label>
            <p id="job-file-hint" className="text-sm text-slate-700">{t("fileHint")}</p>
            <input id="job-file" name="file" type="file" accept={job === "import-coda" ? ".cod,.txt" : ".csv,text/csv"} aria-invalid={!!fileError} aria-describedby={describe("file", "job-file-hint")} className="mt-1" />
            {fileError && <p id="job-file-error" className="text-sm text-bad-700">{te(fileError as never)}</p>}
          </div>
        )}
        {job === "surcharges" && <p className="text-sm text-slate-700">{t("noParameter")}</p>}
        <button type="submit" disabled={isSubmitting} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{isSubmitting ? t("running") : t("dryRun")}</button>
      </form>
      <p role="status" className="text-ok-700">{started ? t("started") : ""}</p>
      {summary && (
        <section aria-labelledby="dry-run-title" className="space-y-3 rounded border border-brand-700 p-3">
          <h3 id="dry-run-title" className="font-semibold text-brand-900">{t("dryRunTitle")} — {t(`jobNames.${summary.job as UiJob}`)}{getValues("job") === "quarterly-calls" ? ` ${getValues("quarter")}` : ""}</h3>
          <p>{t("dryRunNote")}</p>
          <table className="text-left text-sm">
            <caption className="text-left font-medium">{t("countsCaption")}</caption>
            <thead><tr><th scope="col" className="pr-4">{t("item")}</th><th scope="col" className="text-right">{t("count")}</th></tr></thead>
            <tbody>
              {Object.entries(summary.counts).map(([k, v]) => (<tr key={k}><th scope="row" className="pr-4 font-normal">{label("counts", k)}</th><td className="text-right font-mono">{v}</td></tr>))}
            </tbody>
          </table>
          {Object.keys(summary.byCategory).length > 0 && (
            <table className="text-left text-sm">
              <caption className="text-left font-medium">{t("categoryCaption")}</caption>
              <thead><tr><th scope="col" className="pr-4">{t("category")}</th><th scope="col" className="pr-4 text-right">{t("count")}</th><th scope="col" className="text-right">{t("amount")}</th></tr></thead>
              <tbody>
                {Object.entries(summary.byCategory).map(([k, v]) => (
                  <tr key={k}><th scope="row" className="pr-4 font-normal">{label("categories", k)}</th><td className="pr-4 text-right font-mono">{v.count}</td><td className="text-right font-mono">{money(v.totalCents)}</td></tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="font-semibold">{t("total", { amount: money(summary.totalCents) })}</p>
          {summary.warnings.length > 0 && (<div><p>{t("warnings")}</p><JobErrorList errors={summary.warnings} /></div>)}
          {FILE_JOBS.includes(summary.job as UiJob) ? (
            <p className="font-semibold text-warn-800">{t("secondRunNeeded")}</p>
          ) : (
            <button type="button" onClick={runForReal} disabled={realPending} className="rounded bg-bad-700 px-4 py-2 font-semibold text-white">{t("runForReal")}</button>
          )}
        </section>
      )}
    </div>
  );
}
