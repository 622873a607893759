import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, ListTable, PageTitle } from "@/components/ui";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { listPendingMandates } from "@/lib/dal/payments/list-pending-mandates";
import { listDirectDebitFiles } from "@/lib/dal/payments/list-direct-debit-files";
import { formatDate, formatDateTime, formatIban, formatMoney } from "@/lib/format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ddMandates");
  return { title: t("title") };
}

/** Direct debit for advisors: the mandates waiting for confirmation (each opens its dossier, where it is decided) and
 *  the pain.008 files the runs wrote, to download and send to the bank. */
export default async function DirectDebitsPage() {
  const viewer = await requireViewer("mandate:manage", "/staff/direct-debits");
  const t = await getTranslations("ddMandates");
  const locale = await getLocale();
  const [pending, files] = await Promise.all([orNotFound(listPendingMandates(viewer)), orNotFound(listDirectDebitFiles(viewer))]);
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      <Card title={t("pendingTitle")}>
        {pending.length === 0 ? (
          <p>{t("pendingEmpty")}</p>
        ) : (
          <ListTable caption={t("pendingCaption")} columns={[{ label: t("requestedOn") }, { label: t("affiliate") }, { label: t("reference") }, { label: t("iban") }]}>
            {pending.map((m) => (
              <tr key={m.id} className="border-b border-slate-100">
                <td className="py-2 pr-3">{formatDate(locale, m.signedOn)}</td>
                <td className="py-2 pr-3"><Link href={`/staff/dossiers/${m.affiliateId}?reason=mandate`}>{t("dossierLink", { name: m.name, member: m.memberNumber })}</Link></td>
                <td className="py-2 pr-3 font-mono">{m.reference}</td>
                <td className="py-2 font-mono">{formatIban(m.iban)}</td>
              </tr>
            ))}
          </ListTable>
        )}
      </Card>
      <Card title={t("filesTitle")}>
        {files.length === 0 ? (
          <p>{t("filesEmpty")}</p>
        ) : (
          <ListTable
            caption={t("filesCaption")}
            columns={[{ label: t("collectOn") }, { label: t("createdAt") }, { label: t("count"), align: "right" }, { label: t("total"), align: "right" }, { label: t("outcome") }, { label: t("filesTitle"), srOnly: true }]}
          >
            {files.map((f) => (
              <tr key={f.id} className="border-b border-slate-100">
                <td className="py-2 pr-3">{formatDate(locale, f.collectOn)}</td>
                <td className="py-2 pr-3">{formatDateTime(locale, f.createdAt)}</td>
                <td className="py-2 pr-3 text-right">{f.count}</td>
                <td className="py-2 pr-3 text-right font-mono">{formatMoney(locale, f.totalCents)}</td>
                <td className="py-2 pr-3">{t("outcomeValue", { collected: f.collected, rejected: f.rejected })}</td>
                <td className="py-2"><a href={`/api/staff/direct-debits/${f.id}`} download>{t("download", { date: formatDate(locale, f.collectOn) })}</a></td>
              </tr>
            ))}
          </ListTable>
        )}
      </Card>
    </div>
  );
}
