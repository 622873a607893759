import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { Explanation, ledgerReason } from "@/components/explanation";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getMyCall } from "@/lib/dal/affiliate";
import { formatDate, formatMoney, formatStructuredCommunication } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("call");
  return { title: t("title") };
}

export default async function CallPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer("own-dossier:read", `/me/calls/${id}`);
  const call = await orNotFound(getMyCall(viewer, id));
  const t = await getTranslations("call");
  const tk = await getTranslations("callKind");
  const tl = await getTranslations("ledgerKind");
  const locale = await getLocale();
  const period = call.quarter > 0 ? t("quarterLabel", { year: call.year, quarter: call.quarter }) : String(call.year);
  const reasons = await Promise.all(call.entries.map((e) => ledgerReason(e.reasonCode, e.reasonParams)));
  return (
    <div className="space-y-6">
      <p>
        <Link href="/me">{t("back")}</Link>
      </p>
      <PageTitle>{t("heading", { kind: tk(call.kind), period })}</PageTitle>
      <Card title={t("summary")}>
        <dl className="grid gap-3 sm:grid-cols-2">
          <div><dt className="text-sm text-slate-700">{t("total")}</dt><dd className="text-xl font-semibold">{formatMoney(locale, call.totalCents)}</dd></div>
          <div><dt className="text-sm text-slate-700">{t("outstanding")}</dt><dd className="text-xl font-semibold">{formatMoney(locale, call.outstandingCents)}</dd></div>
          <div><dt className="text-sm text-slate-700">{t("dueOn")}</dt><dd>{formatDate(locale, call.dueOn)}</dd></div>
          <div><dt className="text-sm text-slate-700">{t("reference")}</dt><dd className="font-mono">{formatStructuredCommunication(call.structuredCommunication)}</dd></div>
        </dl>
      </Card>
      <Card title={t("why")}>
        <Explanation lines={call.breakdown} />
      </Card>
      <Card title={t("movements")}>
        <table className="w-full text-left">
          <caption className="sr-only">{t("movements")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4">{t("date")}</th>
              <th scope="col" className="py-2 pr-4">{t("movement")}</th>
              <th scope="col" className="py-2 text-right">{t("amount")}</th>
            </tr>
          </thead>
          <tbody>
            {call.entries.map((e, i) => (
              <tr key={e.id} className="border-b border-slate-100">
                <td className="py-2 pr-4">{formatDate(locale, e.valueOn ?? e.bookedOn)}</td>
                <td className="py-2 pr-4">{tl(e.kind)} — {reasons[i]}</td>
                <td className="py-2 text-right font-mono">{formatMoney(locale, e.amountCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
