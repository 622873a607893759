import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { MandateForm } from "@/components/me/mandate-form";
import { MandateStatus } from "@/components/me/mandate-status";
import { TransferCard } from "@/components/me/transfer-card";
import { PlanToPay } from "@/components/me/plan-to-pay";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getMyPaymentInstructions } from "@/lib/dal/account/get-my-payment-instructions";
import { getMyPaymentPlan } from "@/lib/dal/account/get-my-payment-plan";
import { getMyMandates } from "@/lib/dal/payments/get-my-mandates";
import { todayInBrussels } from "@/lib/clock";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_pay");
  return { title: t("title") };
}

export default async function PayPage() {
  const viewer = await requireViewer("own-dossier:read", "/me/pay");
  const today = todayInBrussels();
  const [data, plan, mandates] = await Promise.all([orNotFound(getMyPaymentInstructions(viewer)), orNotFound(getMyPaymentPlan(viewer, today)), orNotFound(getMyMandates(viewer))]);
  const t = await getTranslations("ss_pay");
  const tk = await getTranslations("callKind");
  const tm = await getTranslations("ss_mandate");
  const period = (c: { year: number; quarter: number }) => (c.quarter > 0 ? t("quarterLabel", { year: c.year, quarter: c.quarter }) : String(c.year));
  // the calls that fell due before the plan started are what the plan covers: they are paid through its instalments
  const covered = plan ? data.calls.filter((c) => c.dueOn < plan.startOn) : [];
  const toPay = plan ? data.calls.filter((c) => c.dueOn >= plan.startOn) : data.calls;
  const openMandate = data.mandates.find((m) => m.status === "PENDING" || m.status === "ACTIVE");
  return (
    <div className="space-y-6">
      <p>
        <Link href="/me">{t("back")}</Link>
      </p>
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      {!plan && toPay.length === 0 && <p role="status">{t("nothingToPay")}</p>}
      {plan && <PlanToPay fund={data.fund} plan={plan} covered={covered.map((c) => ({ id: c.id, label: t("callTitle", { kind: tk(c.kind), period: period(c) }), outstandingCents: c.outstandingCents }))} />}
      {plan && toPay.length > 0 && <h2 className="text-xl font-semibold">{t("notCovered")}</h2>}
      {toPay.map((c) => (
        <TransferCard
          key={c.id}
          fund={data.fund}
          testId={c.id}
          transfer={{ id: c.id, title: t("callTitle", { kind: tk(c.kind), period: period(c) }), amountCents: c.outstandingCents, structuredCommunication: c.structuredCommunication, dueOn: c.dueOn }}
        />
      ))}
      <Card title={tm("title")}>
        <p className="mb-3">{tm("intro", { creditorId: data.fund.creditorId })}</p>
        <MandateStatus mandates={mandates} />
        {openMandate ? <p>{tm("alreadyOpen")}</p> : <MandateForm />}
      </Card>
    </div>
  );
}
