import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { numberFormat } from "@/lib/format";

/** The address of one page of a list: its filters kept, its page parameter (`page` unless the page holds two lists)
 *  set (page 1 has none). */
export function pageHref(path: string, params: Record<string, string | undefined>, page: number, param = "page"): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v && k !== param) q.set(k, v);
  if (page > 1) q.set(param, String(page));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** The page asked for in the address (1 when absent or not a number; the list clamps it to its last page). */
export function pageParam(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/**
 * The pager of a back-office list read page by page from the database: which lines are shown out of how many, and
 * links to the first, previous, next and last pages (the filters stay in the address). Nothing when one page holds all.
 */
export async function Pagination({ path, params, page, pageSize, total, param = "page", label }: { path: string; params: Record<string, string | undefined>; page: number; pageSize: number; total: number; param?: string; label?: string }) {
  const t = await getTranslations("bo_pager");
  const locale = await getLocale();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const n = (v: number) => numberFormat(locale).format(v);
  const link = (target: number, label: string, text: string) =>
    target === page || target < 1 || target > pages ? (
      <span className="rounded border border-slate-300 px-3 py-1 text-slate-600" aria-hidden="true">{text}</span>
    ) : (
      <Link href={pageHref(path, params, target, param)} aria-label={label} className="rounded border border-brand-700 px-3 py-1 text-brand-800 hover:bg-brand-50">{text}</Link>
    );
  return (
    <nav aria-label={label ?? t("label")} className="flex flex-wrap items-center gap-3 text-sm">
      <p>{t("range", { from: n(from), to: n(to), total: n(total) })}</p>
      {pages > 1 && (
        <>
          {link(1, t("first"), "«")}
          {link(page - 1, t("previous"), `‹ ${t("previous")}`)}
          <p>{t("current", { page: n(page), pages: n(pages) })}</p>
          {link(page + 1, t("next"), `${t("next")} ›`)}
          {link(pages, t("last"), "»")}
        </>
      )}
    </nav>
  );
}
