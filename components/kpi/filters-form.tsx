import { getTranslations } from "next-intl/server";
import type { KpiFilters } from "@/lib/dto/dashboards";

const CATEGORIES = ["MAIN", "COMPLEMENTARY", "HELPING_SPOUSE", "STUDENT", "ACTIVE_PENSIONER", "ART37", "COMPANY"];
const TYPES = ["AFFILIATION", "PAYMENT_PLAN", "REDUCTION", "INCREASE", "EXEMPTION", "SURCHARGE_WAIVER", "MATERNITY_AID", "BRIDGING_RIGHT", "CAREGIVER_ALLOWANCE", "QUESTION", "COMPLAINT", "END_OF_ACTIVITY", "ILLNESS_ASSIMILATION", "CONTINUED_INSURANCE", "JOINT_LIABILITY_RELEASE"];

/** GET form: filters live in the URL, so every view (and its exports) is a link. */
export async function FiltersForm({ filters, advisors, action }: { filters: KpiFilters; advisors: { id: string; name: string }[]; action: string }) {
  const t = await getTranslations("kpi_dash");
  const tc = await getTranslations("category");
  const tm = await getTranslations("kpi_misc");
  const tr = await getTranslations("requestType");
  const cls = "mt-1 rounded border border-slate-500 px-2 py-1";
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3" aria-label={t("filters")}>
      <div><label htmlFor="f-from" className="block font-medium">{t("from")}</label><input id="f-from" name="from" type="month" defaultValue={filters.from} className={cls} /></div>
      <div><label htmlFor="f-to" className="block font-medium">{t("to")}</label><input id="f-to" name="to" type="month" defaultValue={filters.to} className={cls} /></div>
      <div>
        <label htmlFor="f-category" className="block font-medium">{t("category")}</label>
        <select id="f-category" name="category" defaultValue={filters.category} className={cls}>
          <option value="">{t("all")}</option>
          {CATEGORIES.map((c) => (<option key={c} value={c}>{c === "COMPANY" ? tm("COMPANY") : tc(c)}</option>))}
        </select>
      </div>
      <div>
        <label htmlFor="f-advisor" className="block font-medium">{t("advisor")}</label>
        <select id="f-advisor" name="advisor" defaultValue={filters.advisorId} className={cls}>
          <option value="">{t("all")}</option>
          {advisors.map((a) => (<option key={a.id} value={a.id}>{a.name}</option>))}
        </select>
      </div>
      <div>
        <label htmlFor="f-type" className="block font-medium">{t("requestType")}</label>
        <select id="f-type" name="type" defaultValue={filters.requestType} className={cls}>
          <option value="">{t("all")}</option>
          {TYPES.map((c) => (<option key={c} value={c}>{tr(c)}</option>))}
        </select>
      </div>
      <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("apply")}</button>
    </form>
  );
}

export function filterQuery(f: KpiFilters, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ from: f.from, to: f.to, ...(f.category && { category: f.category }), ...(f.advisorId && { advisor: f.advisorId }), ...(f.requestType && { type: f.requestType }), ...extra });
  return q.toString();
}

export async function ExportLinks({ table, query, label }: { table: string; query: string; label: string }) {
  const t = await getTranslations("kpi_dash");
  return (
    <p className="mt-2 flex gap-4 text-sm">
      <a href={`/api/staff/exports/${table}?${query}&format=csv`}>{t("exportCsv")}<span className="sr-only"> — {label}</span></a>
      <a href={`/api/staff/exports/${table}?${query}&format=xlsx`}>{t("exportXlsx")}<span className="sr-only"> — {label}</span></a>
    </p>
  );
}
