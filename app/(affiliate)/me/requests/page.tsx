import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { RequestPage } from "@/components/me/request-page";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { allowed } from "@/lib/auth/viewer";
import { listMyRequests } from "@/lib/dal/requests/list-my-requests";
import { formatDate } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_requests");
  return { title: t("title") };
}

export default async function MyRequestsPage() {
  const viewer = await requireViewer("own-dossier:read", "/me/requests");
  const rows = await orNotFound(listMyRequests(viewer));
  const t = await getTranslations("ss_requests");
  const locale = await getLocale();
  return (
    <RequestPage ns="ss_requests" backHref="/me">
      {/* an accountant whose mandate does not grant filing reads the requests, and files none */}
      {allowed(viewer, "own-request:create") && (
      <Card title={t("newTitle")}>
        <ul className="list-disc space-y-1 pl-5">
          <li><Link href="/me/requests/payment-plan">{t("new.paymentPlan")}</Link></li>
          <li><Link href="/me/requests/contribution">{t("new.contribution")}</Link></li>
          <li><Link href="/me/requests/exemption">{t("new.exemption")}</Link></li>
          <li><Link href="/me/requests/surcharge-waiver">{t("new.surchargeWaiver")}</Link></li>
          <li><Link href="/me/requests/bridging-right">{t("new.bridgingRight")}</Link></li>
          <li><Link href="/me/requests/caregiver">{t("new.caregiver")}</Link></li>
          <li><Link href="/me/requests/end-of-activity">{t("new.endOfActivity")}</Link></li>
          <li><Link href="/me/requests/illness-assimilation">{t("new.illnessAssimilation")}</Link></li>
          <li><Link href="/me/requests/continued-insurance">{t("new.continuedInsurance")}</Link></li>
          <li><Link href="/me/requests/joint-liability-release">{t("new.jointLiabilityRelease")}</Link></li>
          <li><Link href="/me/requests/question">{t("new.question")}</Link></li>
          <li><Link href="/me/pay">{t("new.pay")}</Link></li>
        </ul>
      </Card>
      )}
      <Card title={t("listTitle")}>
        {rows.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <table className="w-full text-left">
            <caption className="sr-only">{t("listTitle")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">{t("reference")}</th>
                <th scope="col" className="py-2 pr-4">{t("type")}</th>
                <th scope="col" className="py-2 pr-4">{t("filedOn")}</th>
                <th scope="col" className="py-2">{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.reference} className="border-b border-slate-100">
                  <td className="py-2 pr-4"><Link href={`/me/requests/${r.reference}`}>{r.reference}</Link></td>
                  <td className="py-2 pr-4">{t(`types.${r.type}`)}</td>
                  <td className="py-2 pr-4">{formatDate(locale, r.filedOn)}</td>
                  <td className="py-2">{t(`statuses.${r.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </RequestPage>
  );
}
