import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { ActionForm } from "@/components/backoffice/action-form";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getRecoveryCase } from "@/lib/dal/recovery/get-recovery-case";
import { todayInBrussels } from "@/lib/clock";
import { formatDate, formatMoney } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("bo_recovery");
  return { title: t("title") };
}

export default async function RecoveryCasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer("recovery:manage", `/staff/recovery/${id}`);
  const c = await orNotFound(getRecoveryCase(viewer, id, todayInBrussels()));
  const t = await getTranslations("bo_recovery");
  const locale = await getLocale();
  const closed = c.status === "CLOSED" || c.status === "WRITTEN_OFF";
  return (
    <div className="space-y-6">
      <p><Link href="/staff/recovery">{t("back")}</Link></p>
      <PageTitle>{t("caseTitle", { name: c.dossierName })}</PageTitle>
      <Card>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          <dt className="text-slate-700">{t("dossier")}</dt><dd><Link href={`/staff/dossiers/${c.affiliateId}`}>{c.dossierName} ({c.memberNumber})</Link></dd>
          <dt className="text-slate-700">{t("step")}</dt><dd data-testid="recovery-step">{t(`steps.${c.currentStep}`)}</dd>
          <dt className="text-slate-700">{t("status")}</dt><dd>{t(`statusValues.${c.status as "OPEN"}`)}</dd>
          <dt className="text-slate-700">{t("debt")}</dt><dd>{formatMoney(locale, c.debtCents)}</dd>
          <dt className="text-slate-700">{t("cost")}</dt><dd>{formatMoney(locale, c.costsCents)}</dd>
          <dt className="text-slate-700">{t("oldestDueOn")}</dt><dd>{formatDate(locale, c.oldestDueOn)}</dd>
          <dt className="text-slate-700">{t("jointDebtor")}</dt>
          <dd>{c.jointDebtor ? <Link href={`/staff/dossiers/${c.jointDebtor.id}`}>{c.jointDebtor.name} ({c.jointDebtor.memberNumber})</Link> : t("noJointDebtor")}</dd>
        </dl>
        {c.prescription !== "ok" && !closed && (
          <p role="note" className="mt-3 border-l-4 border-bad-700 bg-bad-50 p-2 font-semibold text-bad-700">
            {c.prescription === "soon" ? t("prescriptionSoon", { date: formatDate(locale, c.prescribesOn) }) : t("prescribed", { date: formatDate(locale, c.prescribesOn) })}
          </p>
        )}
        {c.planInForce && <p className="mt-3 border-l-4 border-warn-800 bg-warn-50 p-2 text-warn-800">{t("planInForce")}</p>}
      </Card>
      <Card title={t("history")}>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("historyCaption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">{t("on")}</th>
                <th scope="col" className="py-2 pr-3">{t("step")}</th>
                <th scope="col" className="py-2 pr-3">{t("actor")}</th>
                <th scope="col" className="py-2 pr-3">{t("note")}</th>
                <th scope="col" className="py-2 text-right">{t("cost")}</th>
              </tr>
            </thead>
            <tbody>
              {c.steps.map((s) => (
                <tr key={s.id} className="border-b border-slate-100">
                  <td className="py-2 pr-3">{formatDate(locale, s.on)}</td>
                  <td className="py-2 pr-3">{t(`steps.${s.kind}`)}</td>
                  <td className="py-2 pr-3">{s.actorName ?? "—"}</td>
                  <td className="py-2 pr-3">{s.note ?? ""}</td>
                  <td className="py-2 text-right font-mono">{s.costCents ? formatMoney(locale, s.costCents) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      {c.letters.length > 0 && (
        <Card title={t("letters")}>
          <ul className="list-disc pl-5">
            {c.letters.map((l) => <li key={l.id}><a href={`/api/staff/recovery-letters/${l.id}`}>{t("letterDownload", { name: l.fileName })}</a></li>)}
          </ul>
        </Card>
      )}
      {c.nextSteps.length > 0 && (
        <Card title={t("next")}>
          <ActionForm
            kind="recoveryStep"
            id="step"
            fields={[
              { name: "caseId", type: "hidden", value: c.id },
              { name: "kind", type: "select", label: t("nextStep"), options: c.nextSteps.map((s) => ({ value: s, label: t(`steps.${s}`) })), value: c.nextSteps[0] },
              { name: "note", type: "textarea", label: t("noteLabel") },
              { name: "cost", type: "text", label: t("costLabel"), value: "" },
            ]}
            submit={t("record")}
            messages={{ recorded: t("recorded") }}
          />
        </Card>
      )}
      {!closed && (
        <Card title={t("writeOff")}>
          {c.writeOffProposedByName && <p className="mb-2">{t("writeOffProposed", { name: c.writeOffProposedByName })}</p>}
          {!c.writeOffProposedByName ? (
            <ActionForm kind="proposeWriteOff" id="propose-writeoff" fields={[{ name: "caseId", type: "hidden", value: c.id }, { name: "note", type: "textarea", label: t("note") }]} submit={t("proposeWriteOff")} messages={{}} />
          ) : (
            c.canApproveWriteOff && (
              <ActionForm kind="approveWriteOff" id="approve-writeoff" fields={[{ name: "caseId", type: "hidden", value: c.id }, { name: "note", type: "textarea", label: t("note") }]} submit={t("approveWriteOff")} messages={{ writtenOff: t("writtenOff") }} />
            )
          )}
        </Card>
      )}
    </div>
  );
}
