import { getLocale, getTranslations } from "next-intl/server";
import { formatMessageValues } from "@/lib/format-values";

/** Payload fields whose values are codes, and the catalogue that names them. */
const CODE_NAMESPACES: Record<string, string> = {
  reason: "ss_exemption.options.reason",
  ground: "ss_waiver.options.ground",
  category: "category",
  option: "ss_continued.options.option",
};

/** What the affiliate asked, in words: each known field of the request with its label, amounts in euros, dates in the
 *  Belgian format, codes named, the affiliate's own words as written; technical fields are left to their own cards. */
export async function RequestSummary({ payload }: { payload: Record<string, unknown> }) {
  const t = await getTranslations("bo_payload");
  const locale = await getLocale();
  const values = formatMessageValues(locale, payload);
  const rows: { key: string; label: string; value: string }[] = [];
  for (const [key, raw] of Object.entries(payload)) {
    // a list of plain values (e.g. the years of a joint-liability release) is shown as a list
    const list = Array.isArray(raw) && raw.length > 0 && raw.every((x) => typeof x === "number" || typeof x === "string") ? raw.join(", ") : null;
    if (!t.has(key) || raw === null || raw === undefined || raw === "" || (typeof raw === "object" && list === null)) continue;
    let value = list ?? String(values[key] ?? raw);
    if (typeof raw === "boolean") value = t(raw ? "yes" : "no");
    else if (CODE_NAMESPACES[key]) {
      const tc = await getTranslations(CODE_NAMESPACES[key]);
      if (tc.has(String(raw))) value = tc(String(raw));
    }
    rows.push({ key, label: t(key), value });
  }
  if (rows.length === 0) return null;
  return (
    <>
      <h3 className="mt-4 font-semibold">{t("title")}</h3>
      <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1" data-testid="request-payload">
        {rows.map((r) => (
          <div key={r.key} className="contents">
            <dt className="text-slate-700">{r.label}</dt>
            <dd className={r.key === "justification" || r.key === "motivation" ? "whitespace-pre-line" : undefined}>{r.value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
