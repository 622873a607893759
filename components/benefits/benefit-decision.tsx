import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { ActionForm, type Field } from "@/components/backoffice/action-form";
import { ConditionList } from "@/components/benefits/condition-list";
import type { BenefitDecisionView } from "@/lib/dto/benefits";
import type { Decision } from "@/lib/dto/requests";
import { formatMoney } from "@/lib/format";

/**
 * The decision on a bridging-right or caregiver request (issue #13, part 5): its conditions in words, what accepting
 * it means — a grant, an override for a second advisor (which condition fails, in words), or impossible — and the
 * decision form, with the override checkbox and its motivation when a condition is not met.
 */
export async function BenefitDecision({ requestId, view, decisions, reasons, awaitingApproval }: {
  requestId: string;
  view: BenefitDecisionView;
  decisions: Decision[];
  reasons: { value: string; label: string }[];
  awaitingApproval: boolean;
}) {
  const t = await getTranslations("bn_decision");
  const tc = await getTranslations("bn_conditions");
  const ts = await getTranslations("bo_claimStatus");
  const tr = await getTranslations("bo_request");
  const locale = await getLocale();
  const money = (cents: number) => formatMoney(locale, cents);
  const label = (code: string) => tc(`${code}.label` as "met");
  const a = view.acceptance;
  const overrideOffered = a?.kind === "override" && decisions.includes("accept");
  const fields: Field[] = [
    { name: "requestId", type: "hidden", value: requestId },
    { name: "decision", type: "select", label: tr("decisionLabel"), options: decisions.map((d) => ({ value: d, label: tr(`decisions.${d}`) })), value: decisions[0] },
    { name: "reasonCode", type: "select", label: tr("reasonCode"), options: [{ value: "", label: "—" }, ...reasons], value: "" },
    ...(overrideOffered ? [{ name: "override", type: "checkbox", label: t("overrideLabel"), hint: t("overrideHint") } as Field] : []),
    { name: "text", type: "textarea", label: t("text") },
  ];
  return (
    <Card title={t("title")}>
      <div className="space-y-3">
        <p><Link href={`/staff/benefits/${view.claimId}`}>{t("claimLink")}</Link></p>
        {view.override && (
          <p data-testid="benefit-override" className="border-l-4 border-warn-800 bg-white p-2 text-warn-800">
            {view.override.approvedByName
              ? t("overrideGranted", { proposer: view.override.proposedByName ?? "—", approver: view.override.approvedByName, unmet: view.override.unmet.map(label).join(" ; ") })
              : t("overrideProposed", { name: view.override.proposedByName ?? "—", months: view.override.months, amount: money(view.override.monthlyAmountCents), unmet: view.override.unmet.map(label).join(" ; ") })}
          </p>
        )}
        {!view.check && <p>{t("decided", { status: ts(view.claimStatus as "PAID") })}</p>}
        {view.check && <ConditionList conditions={view.check.conditions} />}
        {a?.kind === "grant" && <p className="font-medium text-ok-700">{t("grant", { months: a.months, amount: money(a.monthlyAmountCents) })}</p>}
        {a && a.kind !== "grant" && a.unmet.length > 0 && (
          <div data-testid="unmet-conditions" className="border-l-4 border-bad-700 bg-white p-2">
            <p className="font-medium text-bad-700">{t("unmetTitle", { count: a.unmet.length })}</p>
            <ul className="list-disc pl-5">{a.unmet.map((code) => <li key={code}>{label(code)}</li>)}</ul>
            {a.kind === "override" && !awaitingApproval && <p className="mt-2">{t("override", { months: a.months, amount: money(a.monthlyAmountCents) })}</p>}
          </div>
        )}
        {a?.kind === "impossible" && <p className="font-medium text-bad-700">{a.code === "benefit.figureMissing" ? t("figureMissing", { year: view.parameterYear }) : t("nothingToGrant")}</p>}
        {decisions.length > 0 ? (
          <ActionForm kind="benefitDecision" id="decision" title={tr("decisionHeading")} fields={fields} submit={tr("submit")} messages={{ saved: tr("saved"), proposed: tr("proposed") }} />
        ) : (
          !awaitingApproval && view.check && <p>{tr("noDecision")}</p>
        )}
      </div>
    </Card>
  );
}
