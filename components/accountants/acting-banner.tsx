import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/auth/viewer";
import { ACTING_COOKIE } from "@/lib/dto/accountants";
import { ActingTabGuard } from "./acting-tab-guard";

/** On every page of a client's file opened by their accountant: whose file it is, what the mandate allows, the way back. */
export async function ActingBanner({ viewer }: { viewer: Viewer }) {
  if (!viewer.onBehalf || !viewer.affiliateId) return null;
  const t = await getTranslations("acc_acting");
  return (
    <div className="border-b border-warn-800 bg-warn-50">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2 text-slate-900" role="region" aria-label={t("label")}>
        <p>
          {t("actingFor", { client: viewer.onBehalf.clientName })} {viewer.onBehalf.canFileRequests ? t("canFile") : t("readOnly")}
        </p>
        <Link href="/portfolio" className="font-medium">{t("back")}</Link>
      </div>
      <ActingTabGuard clientId={viewer.affiliateId} cookieName={ACTING_COOKIE} />
    </div>
  );
}
