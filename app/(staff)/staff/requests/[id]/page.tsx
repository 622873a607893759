import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { DeadlineBadge } from "@/components/backoffice/deadline-badge";
import { ActionForm } from "@/components/backoffice/action-form";
import { ConversationThread } from "@/components/conversation-thread";
import { ConversationForm } from "@/components/conversation-form";
import { answerRequestAction } from "@/lib/actions/backoffice-actions";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { INASTI_FOUR_EYES_CENTS } from "@/lib/domain/four-eyes";
import { getRequestForStaff } from "@/lib/dal/requests/get-request-for-staff";
import { getBenefitDecision } from "@/lib/dal/benefits/get-benefit-decision";
import { BenefitDecision } from "@/components/benefits/benefit-decision";
import { portalAccessStatus } from "@/lib/dal/affiliation/get-portal-access-status";
import { todayInBrussels } from "@/lib/clock";
import { dateFormat, formatDate, formatMoney } from "@/lib/format";
import { RequestSummary } from "@/components/backoffice/request-summary";
import { ForwardQuestion } from "@/components/backoffice/forward-question";
import { eventSentences } from "@/components/backoffice/event-sentence";
import { DECISION_REASONS } from "@/lib/dto/requests";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("bo_queue");
  return { title: t("title") };
}

export default async function StaffRequestPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ answered?: string; done?: string }> }) {
  const { id } = await params;
  const { answered, done } = await searchParams;
  const viewer = await requireViewer("dossier:read:any", `/staff/requests/${id}`);
  const r = await orNotFound(getRequestForStaff(viewer, id, todayInBrussels()));
  const portalAccess = r.welcome ? await portalAccessStatus(viewer, id) : null;
  // a bridging right or caregiver allowance is decided with its conditions (and an override for a second advisor)
  const benefit = r.benefitClaimId ? await orNotFound(getBenefitDecision(viewer, id, todayInBrussels())) : null;
  const t = await getTranslations("bo_request");
  const tt = await getTranslations("requestType");
  const tacc = await getTranslations("acc_acting");
  const ts = await getTranslations("bo_status");
  const tr = await getTranslations("bo_reasons");
  const ti = await getTranslations("bo_inasti");
  const tp = await getTranslations("ss_status");
  const ta = await getTranslations("cv_answer");
  const today = todayInBrussels();
  const locale = await getLocale();
  const dateTime = dateFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Brussels" });
  const reasonLabel = (code: string | null) => (code && tr.has(code as "accepted") ? tr(code as "accepted") : code);
  const eventSentence = await eventSentences();
  const reasons = (DECISION_REASONS[r.type] ?? []).map((k) => ({ value: k, label: tr(k as "accepted") }));
  return (
    <div className="space-y-6">
      <p><Link href="/staff/queues">{t("back")}</Link></p>
      <PageTitle>{t("title", { reference: r.reference })}</PageTitle>
      {done && done === r.status && ["IN_REVIEW", "ACCEPTED", "REFUSED", "INFORMATION_REQUESTED", "CLOSED", "AWAITING_SECOND_APPROVAL"].includes(done) && (
        <p role="status" className="rounded border-2 border-ok-700 bg-white p-3 font-semibold text-ok-700" data-testid="decision-done">{t(`done.${done}`)}</p>
      )}
      {answered && r.status === "CLOSED" && (
        <p role="status" className="rounded border-2 border-ok-700 bg-white p-3 font-semibold text-ok-700">{t("answered")}</p>
      )}
      <Card title={t("summary")}>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          <dt className="text-slate-700">{t("type")}</dt><dd>{tt(r.type)}</dd>
          <dt className="text-slate-700">{t("status")}</dt><dd data-testid="request-status">{ts(r.status)}</dd>
          <dt className="text-slate-700">{t("dossier")}</dt>
          <dd>{r.affiliateId ? <Link href={`/staff/dossiers/${r.affiliateId}`}>{r.dossierName} ({r.memberNumber})</Link> : (r.dossierName || "—")}</dd>
          {r.leadTimeDays !== null && (<><dt className="text-slate-700">{t("leadTime")}</dt><dd>{t("leadTimeDays", { days: r.leadTimeDays })}</dd></>)}
          <dt className="text-slate-700">{t("filedOn")}</dt><dd>{formatDate(locale, r.filedOn)}</dd>
          <dt className="text-slate-700">{t("dueOn")}</dt>
          <dd>{r.dueOn ? formatDate(locale, r.dueOn) : "—"} {r.badge && <DeadlineBadge badge={r.badge} />}</dd>
          <dt className="text-slate-700">{t("pausedDays")}</dt><dd>{r.pausedDays}</dd>
          <dt className="text-slate-700">{t("assignee")}</dt><dd>{r.assigneeName ?? "—"}</dd>
          {r.decisionReasonCode && (
            <>
              <dt className="text-slate-700">{t("decision")}</dt>
              <dd>
                {reasonLabel(r.decisionReasonCode)}
                {r.decisionText && <> — {r.decisionText}</>}
                {r.decidedByName && <> ({t("decidedBy", { name: r.decidedByName })})</>}
              </dd>
            </>
          )}
        </dl>
        <RequestSummary payload={r.payload} />
      </Card>
      {r.thread && (
        <Card title={t("threadTitle")}>
          <ConversationThread thread={r.thread} audience="staff" />
        </Card>
      )}
      {r.canAnswer && (
        <Card title={t("answerTitle")}>
          <p className="mb-3">{t("answerIntro")}</p>
          <ConversationForm mode="answer" ns="cv_answer" idPrefix="answer" action={answerRequestAction.bind(null, r.id)} submitLabel={ta("submit")} />
        </Card>
      )}
      {r.canAnswer && <ForwardQuestion requestId={r.id} />}
      {r.benefitClaimId && !benefit && (
        <Card title={t("benefitTitle")}>
          <p><Link href={`/staff/benefits/${r.benefitClaimId}`}>{t("benefitLink")}</Link></p>
        </Card>
      )}
      {r.inasti && (
        <Card title={ti("recordTitle")}>
          {r.inasti.track && <p data-testid="inasti-forwarded">{ti("forwardedOn", { date: formatDate(locale, r.inasti.track.sentOn) })}</p>}
          {r.inasti.track?.outcome && r.inasti.track.decidedOn && (
            <p data-testid="inasti-decision" className="mt-1">
              {ti("decision", { date: formatDate(locale, r.inasti.track.decidedOn), reference: r.inasti.track.reference ?? "", outcome: ti(`outcomes.${r.inasti.track.outcome}`) })}
            </p>
          )}
          {r.inasti.calls.length > 0 && (
            <>
              <h3 className="mt-3 font-semibold">{ti("calls")}</h3>
              <ul className="list-disc pl-5">
                {r.inasti.calls.map((c) => <li key={c.id}>{ti("callPeriod", { year: c.year, quarter: c.quarter })}</li>)}
              </ul>
              <p className="mt-1 text-sm text-slate-700">{r.type === "EXEMPTION" ? ti("effectsExemption") : ti("effectsWaiver")}</p>
            </>
          )}
          {r.inasti.step === "forward" && (
            <div className="mt-3">
              <p className="mb-2">{ti("forwardIntro")}</p>
              <ActionForm
                kind="forwardInasti"
                id="inasti-forward"
                title={ti("forwardTitle")}
                fields={[
                  { name: "requestId", type: "hidden", value: r.id },
                  { name: "sentOn", type: "text", label: ti("sentOn"), hint: ti("dateHint"), value: today },
                ]}
                submit={ti("forwardSubmit")}
                messages={{ forwarded: ti("forwarded") }}
              />
            </div>
          )}
          {r.inasti.step === "record" && (
            <div className="mt-3">
              <ActionForm
                kind="inastiDecision"
                id="inasti-decision"
                fields={[
                  { name: "requestId", type: "hidden", value: r.id },
                  { name: "outcome", type: "select", label: ti("outcome"), options: [{ value: "", label: "—" }, { value: "accepted", label: ti("outcomes.accepted") }, { value: "refused", label: ti("outcomes.refused") }], value: "" },
                  { name: "decidedOn", type: "text", label: ti("decidedOn"), hint: ti("dateHint"), value: today },
                  { name: "inastiReference", type: "text", label: ti("inastiReference") },
                  { name: "note", type: "textarea", label: ti("note") },
                ]}
                submit={ti("recordSubmit")}
                messages={{ recorded: ti("recorded"), recordedForApproval: ti("recordedForApproval", { threshold: formatMoney(locale, INASTI_FOUR_EYES_CENTS) }) }}
              />
            </div>
          )}
        </Card>
      )}
      {r.welcome && (
        <Card title={t("welcomeTitle")}>
          <p data-testid="welcome-status">
            {t("welcomeDone", {
              pack: r.welcome.pack ? t("welcomeYes") : t("welcomeNo"),
              quarters: r.welcome.quarters,
              email: r.welcome.email === null ? t("emailNone") : r.welcome.email ? t("emailQueued") : t("welcomeNo"),
            })}
          </p>
          {portalAccess && portalAccess !== "yes" && (
            <p className="mt-2 border-l-4 border-warn-800 bg-white p-2 text-warn-800" data-testid="no-portal-access">
              {t("noPortalAccess", { reason: portalAccess })}
            </p>
          )}
          {(!r.welcome.pack || r.welcome.email === false) && can(viewer.role, "request:decide") && (
            <div className="mt-3">
              <ActionForm kind="welcome" id="welcome" fields={[{ name: "requestId", type: "hidden", value: r.id }]} submit={t("welcomeRetry")} messages={{ welcomeIssued: t("welcomeIssued") }} />
            </div>
          )}
        </Card>
      )}
      {r.planTerms && (
        <Card title={t("planTerms")}>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            <dt className="text-slate-700">{t("planDebt")}</dt><dd>{formatMoney(locale, r.planTerms.debtCents)}</dd>
            <dt className="text-slate-700">{t("planAdvance")}</dt><dd>{formatMoney(locale, r.planTerms.advanceCents)}</dd>
            <dt className="text-slate-700">{t("planMonths")}</dt><dd>{r.planTerms.months}</dd>
          </dl>
          <p className={`mt-2 ${r.planRefusals.length ? "text-warn-800" : "text-ok-700"}`}>{r.planRefusals.length ? t("outsidePolicy") : t("withinPolicy")}</p>
          {r.planRefusals.length > 0 && (
            <ul className="mt-1 list-disc pl-6 text-warn-800">
              {r.planRefusals.map((x) => <li key={x}>{tp(`refusals.${x}`)}</li>)}
            </ul>
          )}
        </Card>
      )}
      {r.proposal && (
        <Card title={t("proposalHeading")}>
          <p>{t("proposalBy", { name: r.proposal.proposedByName, decision: t(`decisions.${r.proposal.decision}`) })}</p>
          <p className="mt-1">{reasonLabel(r.proposal.reasonCode)}{r.proposal.text && <> — {r.proposal.text}</>}</p>
          {r.proposal.proposedById === viewer.userId && <p className="mt-2 font-semibold text-warn-800">{t("ownProposal")}</p>}
          {r.canApprove && (
            <div className="mt-3">
              <ActionForm
                kind="approval"
                id="approval"
                fields={[
                  { name: "requestId", type: "hidden", value: r.id },
                  { name: "approve", type: "hidden", value: "" },
                  { name: "reason", type: "textarea", label: t("approveReason") },
                ]}
                submit={t("approve")}
                submitValue={{ name: "approve", buttons: [{ value: "yes", label: t("approve") }, { value: "no", label: t("reject") }] }}
                messages={{ approved: t("approved"), rejected: t("rejected") }}
              />
            </div>
          )}
        </Card>
      )}
      {benefit ? (
        <BenefitDecision requestId={r.id} view={benefit} decisions={r.decisions} reasons={reasons} awaitingApproval={r.status === "AWAITING_SECOND_APPROVAL"} />
      ) : r.decisions.length > 0 ? (
        <Card title={t("decisionHeading")}>
          <ActionForm
            kind="decision"
            id="decision"
            fields={[
              { name: "requestId", type: "hidden", value: r.id },
              { name: "decision", type: "select", label: t("decisionLabel"), options: r.decisions.map((d) => ({ value: d, label: t(`decisions.${d}`) })), value: r.decisions[0] },
              { name: "reasonCode", type: "select", label: t("reasonCode"), options: [{ value: "", label: "—" }, ...reasons], value: "" },
              { name: "text", type: "textarea", label: t("text") },
            ]}
            submit={t("submit")}
            messages={{}}
          />
        </Card>
      ) : (
        r.status !== "AWAITING_SECOND_APPROVAL" && <p>{t("noDecision")}</p>
      )}
      {r.documents.length > 0 && (
        <Card title={t("documents")}>
          <ul className="list-disc pl-5">
            {r.documents.map((d) => (
              <li key={d.id}>
                {d.kind === "DECISION" ? (
                  <a href={`/api/decisions/${r.id}`}>{t("download", { name: d.fileName })}</a>
                ) : d.kind === "EVIDENCE" ? (
                  <a href={`/api/evidence/${d.id}`}>{t("evidence", { name: d.fileName })}</a>
                ) : (
                  d.fileName
                )}
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card title={t("events")}>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("eventsCaption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">{t("at")}</th>
                <th scope="col" className="py-2 pr-3">{t("actor")}</th>
                <th scope="col" className="py-2 pr-3">{t("transition")}</th>
                <th scope="col" className="py-2">{t("reason")}</th>
              </tr>
            </thead>
            <tbody>
              {r.events.map((e, i) => (
                <tr key={i} className="border-b border-slate-100">
                  <td className="py-2 pr-3">{dateTime.format(new Date(e.at))}</td>
                  <td className="py-2 pr-3">{e.actorName ? (e.byAccountant ? tacc("messageAuthor", { name: e.actorName }) : e.actorName) : t("system")}</td>
                  <td className="py-2 pr-3">{e.from ? `${ts(e.from as "OPEN")} → ` : ""}{ts(e.to as "OPEN")}</td>
                  <td className="py-2">{e.reason ? eventSentence(e.reason) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
