import { getLocale, getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/format";

/** What a mandate allows and for how long, in words: "Read your account and documents; file requests — from 03/12/2026, no end date". */
export async function MandateRights({ m }: { m: { canFileRequests: boolean; receivesNotices: boolean; validFrom: string; validUntil: string | null } }) {
  const t = await getTranslations("acc_rights");
  const locale = await getLocale();
  const rights = [t("read"), ...(m.canFileRequests ? [t("file")] : []), ...(m.receivesNotices ? [t("notices")] : [])];
  return (
    <>
      <span>{rights.join(" ; ")}</span>
      <span className="block text-sm text-slate-700">
        {m.validUntil ? t("period", { from: formatDate(locale, m.validFrom), until: formatDate(locale, m.validUntil) }) : t("openEnded", { from: formatDate(locale, m.validFrom) })}
      </span>
    </>
  );
}
