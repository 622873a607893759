import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle, Stat } from "@/components/ui";
import { requireViewer, orNotFound } from "@/lib/auth/session";
import { allowed } from "@/lib/auth/viewer";
import { getMyOverview } from "@/lib/dal/account/get-my-overview";
import { getMyCompanyDirectors } from "@/lib/dal/account/get-my-company-directors";
import { getMyDirectedCompanies } from "@/lib/dal/account/get-my-directed-companies";
import { fasConfigFrom } from "@/lib/auth/fas/config";
import { FasOtherDossiers } from "@/components/me/fas-other-dossiers";
import { listMyBenefits } from "@/lib/dal/benefits/list-my-benefits";
import { getMyRegularisation } from "@/lib/dal/contributions/get-my-regularisation";
import { confirmMaternityAidAction } from "@/lib/actions/me-benefits";
import { MyBenefits } from "@/components/benefits/my-benefits";
import { RegularisationCard } from "@/components/me/regularisation-card";
import { RefundSetOff } from "@/components/me/refund-set-off";
import { PlanSummary } from "@/components/me/plan-summary";
import { InboxCard } from "@/components/me/inbox-card";
import { listMyNotifications } from "@/lib/dal/account/list-my-notifications";
import { getMyPaymentPlan } from "@/lib/dal/account/get-my-payment-plan";
import { todayInBrussels } from "@/lib/clock";
import { formatDate, formatMoney, formatStructuredCommunication } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("me");
  return { title: t("title") };
}

export default async function AffiliateHomePage() {
  const viewer = await requireViewer("own-dossier:read", "/me");
  const today = todayInBrussels();
  // the page's reads side by side: each is bounded by the dossier, and one round trip after the other added up
  const [o, directors, directed, benefits, regularisation, plan, inbox] = await Promise.all([
    orNotFound(getMyOverview(viewer, today)),
    orNotFound(getMyCompanyDirectors(viewer, today)),
    // the companies this person directs open through an eID sign-in (only where the portal has an issuer)
    fasConfigFrom() ? orNotFound(getMyDirectedCompanies(viewer, today)) : [],
    orNotFound(listMyBenefits(viewer)),
    orNotFound(getMyRegularisation(viewer, today)),
    orNotFound(getMyPaymentPlan(viewer, today)),
    orNotFound(listMyNotifications(viewer, 3)),
  ]);
  const t = await getTranslations("me");
  const tc = await getTranslations("category");
  const tk = await getTranslations("callKind");
  const ts = await getTranslations("ss_home");
  const tco = await getTranslations("ss_company");
  // the next thing to pay: a call or, under a plan, its next instalment — whichever falls due first
  const instalment = plan?.next ? { dueOn: plan.next.dueOn, amountCents: plan.next.leftCents } : null;
  const nextDue = [o.nextDue, instalment].filter((x) => x !== null).sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0] ?? null;
  const maternity = benefits.filter((b) => b.type === "MATERNITY_AID");
  const tb = await getTranslations("ss_benefits");
  const locale = await getLocale();
  return (
    <div className="space-y-6">
      <PageTitle>{t("greeting", { name: o.displayName })}</PageTitle>
      <nav aria-label={ts("shortcuts")}>
        <ul className="flex flex-wrap gap-4">
          <li><Link href="/me/pay" className="font-medium">{ts("pay")}</Link></li>
          <li><Link href="/me/requests" className="font-medium">{ts("requests")}</Link></li>
          {allowed(viewer, "own-request:create") && <li><Link href="/me/requests/question" className="font-medium">{ts("ask")}</Link></li>}
          <li><Link href="/me/documents" className="font-medium">{ts("documents")}</Link></li>
          {allowed(viewer, "own-profile:update") && <li><Link href="/me/profile" className="font-medium">{ts("profile")}</Link></li>}
        </ul>
      </nav>
      <Card title={t("whoAmI")}>
        <dl className="grid gap-2 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-slate-700">{t("memberNumber")}</dt>
            <dd className="font-medium">{o.memberNumber}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t("category")}</dt>
            <dd className="font-medium">{o.kind === "COMPANY" ? t("company") : o.category ? tc(o.category) : t("noCategory")}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t("advisor")}</dt>
            <dd className="font-medium">{o.advisorName ?? t("noAdvisor")}</dd>
          </div>
        </dl>
      </Card>
      {directed.length > 0 && <FasOtherDossiers companies={directed} />}
      {directors && (
        <Card title={tco("title")}>
          <p>{tco("companyLiable")}</p>
          <p className="mt-2">{tco("directorsLiable")}</p>
          {directors.length === 0 ? (
            <p className="mt-3">{tco("none")}</p>
          ) : (
            <table className="mt-3 w-full text-left">
              <caption className="sr-only">{tco("caption")}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-4">{tco("name")}</th>
                  <th scope="col" className="py-2 pr-4">{tco("period")}</th>
                  <th scope="col" className="py-2 text-right">{tco("debt")}</th>
                </tr>
              </thead>
              <tbody>
                {directors.map((d, i) => (
                  <tr key={i} className="border-b border-slate-100">
                    <td className="py-2 pr-4">{d.name}</td>
                    <td className="py-2 pr-4">{tco("periodValue", { from: formatDate(locale, d.fromOn), to: d.toOn ? formatDate(locale, d.toOn) : tco("ongoing") })}</td>
                    <td className="py-2 text-right">{d.openDebtCents === null ? tco("notHere") : formatMoney(locale, d.openDebtCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      )}
      {maternity.length > 0 && (
        <Card title={tb("maternityTitle")}>
          {maternity.map((b) =>
            b.status === "OFFERED" ? (
              <form key={b.id} action={confirmMaternityAidAction} method="post" className="space-y-2">
                <p>{tb("maternityOffer")}</p>
                <input type="hidden" name="claimId" value={b.id} />
                <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{tb("confirm")}</button>
              </form>
            ) : (
              <p key={b.id} role="status">{tb("maternityGranted", { date: b.paymentDueOn ? formatDate(locale, b.paymentDueOn) : "—" })}</p>
            ),
          )}
        </Card>
      )}
      <MyBenefits benefits={benefits} />
      {plan && <PlanSummary plan={plan} />}
      <InboxCard inbox={inbox} />
      <Card title={t("balanceTitle")}>
        <dl className="grid gap-4 sm:grid-cols-3">
          <Stat label={t("owed")} value={formatMoney(locale, o.owedCents)} tone={o.owedCents > 0 ? "bad" : "ok"} />
          <Stat label={t("overdue")} value={formatMoney(locale, o.overdueCents)} tone={o.overdueCents > 0 ? "bad" : "neutral"} />
          <Stat
            label={t("nextDue")}
            value={nextDue ? t("nextDueValue", { amount: formatMoney(locale, nextDue.amountCents), date: formatDate(locale, nextDue.dueOn) }) : t("nothingDue")}
          />
        </dl>
        {o.creditCents > 0 && <p className="mt-3" data-testid="credit">{t("credit", { credit: formatMoney(locale, o.creditCents), balance: formatMoney(locale, Math.abs(o.balanceCents)), side: o.balanceCents > 0 ? "owe" : o.balanceCents < 0 ? "favour" : "zero" })}</p>}
        <p className="mt-3 text-sm text-slate-700">{t("asOf", { date: formatDate(locale, today) })}</p>
      </Card>
      <RefundSetOff refunds={o.refunds} />
      <RegularisationCard data={regularisation} />
      <Card title={t("callsTitle")}>
        {o.calls.length === 0 ? (
          <p>{t("noCalls")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left">
              <caption className="sr-only">{t("callsTitle")}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-4">{t("period")}</th>
                  <th scope="col" className="py-2 pr-4">{t("kind")}</th>
                  <th scope="col" className="py-2 pr-4">{t("dueOn")}</th>
                  <th scope="col" className="py-2 pr-4 text-right">{t("amount")}</th>
                  <th scope="col" className="py-2 pr-4 text-right">{t("outstanding")}</th>
                  <th scope="col" className="py-2">{t("reference")}</th>
                </tr>
              </thead>
              <tbody>
                {o.calls.map((c) => (
                  <tr key={c.id} className="border-b border-slate-100">
                    <td className="py-2 pr-4">
                      <Link href={`/me/calls/${c.id}`}>{c.quarter > 0 ? t("quarterLabel", { year: c.year, quarter: c.quarter }) : String(c.year)}</Link>
                    </td>
                    <td className="py-2 pr-4">{tk(c.kind)}</td>
                    <td className="py-2 pr-4">{formatDate(locale, c.dueOn)}</td>
                    <td className="py-2 pr-4 text-right">{formatMoney(locale, c.totalCents)}</td>
                    <td className={`py-2 pr-4 text-right ${c.outstandingCents > 0 ? "font-semibold text-bad-700" : ""}`}>
                      {c.outstandingCents > 0 ? formatMoney(locale, c.outstandingCents) : t("paid")}
                    </td>
                    <td className="py-2 font-mono text-sm">{formatStructuredCommunication(c.structuredCommunication)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
