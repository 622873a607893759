import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle, Stat } from "@/components/ui";
import { ledgerReason } from "@/components/explanation";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getDossier } from "@/lib/dal/staff";
import { todayInBrussels } from "@/lib/clock";
import { formatDate, formatEnterpriseNumber, formatMoney, formatNiss } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dossier");
  return { title: t("title") };
}

export default async function DossierPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer("dossier:read:any", `/staff/dossiers/${id}`);
  const d = await orNotFound(getDossier(viewer, id, todayInBrussels()));
  const t = await getTranslations("dossier");
  const tc = await getTranslations("category");
  const tk = await getTranslations("callKind");
  const tl = await getTranslations("ledgerKind");
  const ts = await getTranslations("affiliationStatus");
  const locale = await getLocale();
  const reasons = await Promise.all(d.ledger.map((e) => ledgerReason(e.reasonCode, e.reasonParams)));
  const title = d.person ? `${d.person.firstName} ${d.person.lastName}` : (d.company?.name ?? "");
  return (
    <div className="space-y-6">
      <p><Link href="/staff">{t("back")}</Link></p>
      <PageTitle>{title}</PageTitle>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("identity")}>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            <dt className="text-slate-700">{t("memberNumber")}</dt><dd>{d.memberNumber}</dd>
            {d.person && (
              <>
                <dt className="text-slate-700">{t("niss")}</dt><dd className="font-mono">{formatNiss(d.person.niss)}</dd>
                <dt className="text-slate-700">{t("birthDate")}</dt><dd>{formatDate(locale, d.person.birthDate)}</dd>
                <dt className="text-slate-700">{t("address")}</dt><dd>{d.person.address}</dd>
                <dt className="text-slate-700">{t("email")}</dt><dd>{d.person.email ?? "—"}</dd>
                <dt className="text-slate-700">{t("phone")}</dt><dd>{d.person.phone ?? "—"}</dd>
              </>
            )}
            {d.company && (
              <>
                <dt className="text-slate-700">{t("enterpriseNumber")}</dt><dd className="font-mono">{formatEnterpriseNumber(d.company.enterpriseNumber)}</dd>
                <dt className="text-slate-700">{t("legalForm")}</dt><dd>{d.company.legalForm}</dd>
                <dt className="text-slate-700">{t("createdOn")}</dt><dd>{formatDate(locale, d.company.createdOn)}</dd>
                <dt className="text-slate-700">{t("address")}</dt><dd>{d.company.address}</dd>
              </>
            )}
            <dt className="text-slate-700">{t("language")}</dt><dd>{d.language.toUpperCase()}</dd>
            <dt className="text-slate-700">{t("advisor")}</dt><dd>{d.advisorName ?? "—"}</dd>
          </dl>
        </Card>
        <Card title={t("account")}>
          <dl className="grid gap-4 sm:grid-cols-2">
            <Stat label={t("balance")} value={formatMoney(locale, d.balanceCents)} tone={d.balanceCents > 0 ? "bad" : "ok"} />
            <Stat label={t("category")} value={d.category ? tc(d.category) : "—"} />
          </dl>
        </Card>
      </div>
      {d.affiliations.length > 0 && (
        <Card title={t("affiliations")}>
          <ul className="space-y-3">
            {d.affiliations.map((a) => (
              <li key={a.id}>
                <p className="font-medium">
                  {t("affiliationPeriod", { from: formatDate(locale, a.startOn), to: a.endOn ? formatDate(locale, a.endOn) : "…" })} — {ts(a.status)}
                </p>
                <ul className="ml-5 list-disc">
                  {a.periods.map((p, i) => (
                    <li key={i}>
                      {tc(p.category)}: {formatDate(locale, p.fromOn)} → {p.toOn ? formatDate(locale, p.toOn) : "…"}
                      {p.primoStarterUntil && ` (${t("primoStarterUntil", { date: formatDate(locale, p.primoStarterUntil) })})`}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card title={t("calls")}>
        <div className="overflow-x-auto">
          <table className="w-full text-left">
            <caption className="sr-only">{t("calls")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">{t("period")}</th>
                <th scope="col" className="py-2 pr-4">{t("kind")}</th>
                <th scope="col" className="py-2 pr-4">{t("dueOn")}</th>
                <th scope="col" className="py-2 pr-4 text-right">{t("amount")}</th>
                <th scope="col" className="py-2 text-right">{t("outstanding")}</th>
              </tr>
            </thead>
            <tbody>
              {d.calls.map((c) => (
                <tr key={c.id} className="border-b border-slate-100">
                  <td className="py-2 pr-4">{c.quarter > 0 ? `${c.year} T${c.quarter}` : c.year}</td>
                  <td className="py-2 pr-4">{tk(c.kind)}</td>
                  <td className="py-2 pr-4">{formatDate(locale, c.dueOn)}</td>
                  <td className="py-2 pr-4 text-right font-mono">{formatMoney(locale, c.totalCents)}</td>
                  <td className="py-2 text-right font-mono">{formatMoney(locale, c.outstandingCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card title={t("ledger")}>
        <div className="overflow-x-auto">
          <table className="w-full text-left">
            <caption className="sr-only">{t("ledger")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">{t("date")}</th>
                <th scope="col" className="py-2 pr-4">{t("movement")}</th>
                <th scope="col" className="py-2 text-right">{t("amount")}</th>
              </tr>
            </thead>
            <tbody>
              {d.ledger.map((e, i) => (
                <tr key={e.id} className="border-b border-slate-100">
                  <td className="py-2 pr-4">{formatDate(locale, e.valueOn ?? e.bookedOn)}</td>
                  <td className="py-2 pr-4">{tl(e.kind)} — {reasons[i]}</td>
                  <td className="py-2 text-right font-mono">{formatMoney(locale, e.amountCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
