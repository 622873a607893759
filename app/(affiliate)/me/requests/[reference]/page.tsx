import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { RequestPage } from "@/components/me/request-page";
import { ConversationThread } from "@/components/conversation-thread";
import { ConversationForm } from "@/components/conversation-form";
import { replyToMyRequestAction } from "@/lib/actions/me-requests";
import { caregiverFiledLate } from "@/lib/domain/caregiver-filing";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getMyRequest } from "@/lib/dal/requests/get-my-request";
import { myDecisionLetterRequestId } from "@/lib/dal/documents/get-my-decision-letter-request-id";
import { dateFormat, formatDate, formatMoney, formatStructuredCommunication } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_status");
  return { title: t("title") };
}

export default async function RequestStatusPage({ params, searchParams }: { params: Promise<{ reference: string }>; searchParams: Promise<{ filed?: string; replied?: string }> }) {
  const { reference } = await params;
  const { filed, replied } = await searchParams;
  const viewer = await requireViewer("own-dossier:read", `/me/requests/${reference}`);
  const r = await orNotFound(getMyRequest(viewer, reference));
  const decisionRequestId = await orNotFound(myDecisionLetterRequestId(viewer, reference));
  const td = await getTranslations("ss_decision");
  const t = await getTranslations("ss_status");
  const tr = await getTranslations("ss_requests");
  const tc = await getTranslations("cv_reply");
  const ta = await getTranslations("acc_acting");
  const locale = await getLocale();
  const dateTime = (iso: string) =>
    dateFormat(locale, { timeZone: "Europe/Brussels", dateStyle: "short", timeStyle: "short" }).format(new Date(iso));
  const reasonText = (reason: string | null) => {
    if (!reason) return null;
    const [code, list] = reason.split(":");
    if (code === "plan.outsidePolicy") return t("reasons.outsidePolicy", { refusals: (list ?? "").split(",").filter(Boolean).map((x) => t(`refusals.${x}`)).join(" ; ") });
    return t.has(`reasons.${code}`) ? t(`reasons.${code}`) : null;
  };
  const tb = await getTranslations("bo_reasons");
  const tl = await getTranslations("bo_letter");
  const code = r.decision?.reasonCode ?? "";
  // the reason in words (the decision letter's list); an INASTI decision says so
  const decisionReason = code.startsWith("inasti.") ? t("decisionByInasti") : code && tb.has(code) ? tb(code) : null;
  const answerOnly = r.type === "QUESTION" || r.type === "COMPLAINT";
  const decided = r.decision !== null;
  const nextKey =
    r.decision?.outcome === "REFUSED"
      ? "next.refused"
      : r.pendingQuestion
      ? "next.information"
      : answerOnly && r.status === "CLOSED"
        ? r.thread?.messages.some((m) => m.fromFund && m.kind === "MESSAGE") ? "next.answered" : "next.closed"
        : answerOnly
      ? "next.answer"
      : r.status === "ACCEPTED"
        ? r.plan
          ? "next.plan"
          : "next.accepted"
        : (r.type === "EXEMPTION" || r.type === "SURCHARGE_WAIVER") && (r.status === "SUBMITTED" || r.status === "IN_REVIEW" || r.status === "FORWARDED")
          ? r.status === "FORWARDED" ? "next.inastiForwarded" : "next.inasti"
          : (r.type === "BRIDGING_RIGHT" || r.type === "CAREGIVER_ALLOWANCE") && r.status === "SUBMITTED"
            ? "next.benefit"
            : "next.decision";
  const lateCaregiver = r.type === "CAREGIVER_ALLOWANCE" && typeof r.payload.startOn === "string" && caregiverFiledLate(r.payload.startOn, r.filedOn);
  const kb = (n: number) => Math.max(1, Math.round(n / 1024));
  // what the back office recorded of INASTI's handling (lib/dal/backoffice-inasti.ts): when it was sent, INASTI's decision
  const inasti = (r.payload.inasti ?? null) as { sentOn?: string; decidedOn?: string; outcome?: string; reference?: string } | null;
  const change =
    (r.type === "REDUCTION" || r.type === "INCREASE") && typeof r.payload.newQuarterlyCents === "number" && typeof r.payload.estimatedIncomeCents === "number"
      ? { next: r.payload.newQuarterlyCents, current: typeof r.payload.currentQuarterlyCents === "number" ? r.payload.currentQuarterlyCents : null, income: r.payload.estimatedIncomeCents }
      : null;
  return (
    <RequestPage ns="ss_status" heading={t("heading", { type: tr(`types.${r.type}`), reference: r.reference })} intro={null}>
      {filed && (
        <div role="status" className="rounded border-2 border-ok-700 bg-white p-4">
          <p className="text-lg font-semibold text-ok-700">{t("confirmation")}</p>
          <p>
            {t("yourReference")} <strong data-testid="request-reference">{r.reference}</strong>
          </p>
        </div>
      )}
      <Card title={t("summaryTitle")}>
        <dl className="grid gap-2 sm:grid-cols-2">
          <div><dt className="text-sm text-slate-700">{t("status")}</dt><dd className="font-semibold" data-testid="request-status">{tr(`statuses.${r.status}`)}</dd></div>
          <div><dt className="text-sm text-slate-700">{t("filedOn")}</dt><dd>{formatDate(locale, r.filedOn)}</dd></div>
          {r.decision?.decidedOn && <div><dt className="text-sm text-slate-700">{t("decidedOn")}</dt><dd>{formatDate(locale, r.decision.decidedOn)}</dd></div>}
          {!decided && r.status !== "CLOSED" && r.informationDueOn && <div><dt className="text-sm text-slate-700">{t("informationDueOn")}</dt><dd>{formatDate(locale, r.informationDueOn)}</dd></div>}
          {!decided && r.status !== "CLOSED" && r.decisionDueOn && <div><dt className="text-sm text-slate-700">{t("decisionDueOn")}</dt><dd>{formatDate(locale, r.decisionDueOn)}</dd></div>}
        </dl>
      </Card>
      {r.decision && (
        <Card title={t("decisionTitle")}>
          <p className="font-semibold" data-testid="decision-outcome">
            {t(r.decision.outcome === "ACCEPTED" ? "decisionAccepted" : "decisionRefused", { date: r.decision.decidedOn ? formatDate(locale, r.decision.decidedOn) : "" })}
          </p>
          {decisionReason && <p className="mt-2" data-testid="decision-reason">{t("decisionReason", { reason: decisionReason })}</p>}
          {r.decision.text && <p className="mt-2 whitespace-pre-line">{r.decision.text}</p>}
          {r.decision.outcome === "REFUSED" && <p className="mt-2 text-sm text-slate-700">{tl("appeal")}</p>}
        </Card>
      )}
      {decisionRequestId && (
        <Card title={td("download")}>
          <p className="mb-2">{td("intro")}</p>
          <a href={`/api/decisions/${decisionRequestId}`} download>
            {td("download")}
          </a>
        </Card>
      )}
      <Card title={t("nextTitle")}>
        <p data-testid="next-step">
          {t(nextKey, {
            informationDueOn: r.informationDueOn ? formatDate(locale, r.informationDueOn) : "",
            decisionDueOn: r.decisionDueOn ? formatDate(locale, r.decisionDueOn) : "",
            question: r.pendingQuestion?.body ?? "",
            replyDueOn: r.pendingQuestion?.replyDueOn ? formatDate(locale, r.pendingQuestion.replyDueOn) : "",
          })}
        </p>
        {lateCaregiver && (
          <p className="mt-2 border-l-4 border-warn-800 p-2 text-warn-800" data-testid="caregiver-late">
            {t("caregiverLate")}
          </p>
        )}
        {inasti?.sentOn && (
          <p className="mt-2" data-testid="inasti-track">
            {t("inastiSent", { sentOn: formatDate(locale, inasti.sentOn) })}
            {inasti.decidedOn && inasti.outcome && (
              <>
                {" "}
                {t("inastiDecided", { decidedOn: formatDate(locale, inasti.decidedOn), outcome: inasti.outcome === "accepted" ? "accepted" : "refused", reference: inasti.reference ?? "—" })}
              </>
            )}
          </p>
        )}
        <p className="mt-2 text-sm text-slate-700">{t("legal")}</p>
      </Card>
      {r.evidence.length > 0 && (
        <Card title={t("evidenceTitle")}>
          <ul className="list-disc pl-5" data-testid="evidence-list">
            {r.evidence.map((e) => (
              <li key={e.id}>
                <a href={`/api/evidence/${e.id}`} download>
                  {e.fileName}
                </a>{" "}
                <span className="text-sm text-slate-700">{t("evidenceSize", { kb: kb(e.sizeBytes) })}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {change && r.decision?.outcome !== "REFUSED" && (
        <Card title={t("changeTitle")}>
          <p data-testid="change-summary">
            {t("changeSummary", { current: change.current === null ? "—" : formatMoney(locale, change.current), next: formatMoney(locale, change.next), income: formatMoney(locale, change.income) })}
          </p>
        </Card>
      )}
      {r.plan && (
        <Card title={t("planTitle")}>
          <p className="mb-2">{t("planSummary", { debt: formatMoney(locale, r.plan.debtCents), advance: formatMoney(locale, r.plan.advanceCents), months: r.plan.months })}</p>
          <table className="w-full text-left">
            <caption className="sr-only">{t("planTitle")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1 pr-4">{t("instalment")}</th>
                <th scope="col" className="py-1 pr-4">{t("dueOn")}</th>
                <th scope="col" className="py-1 pr-4 text-right">{t("amount")}</th>
                <th scope="col" className="py-1">{t("communication")}</th>
              </tr>
            </thead>
            <tbody>
              {r.plan.instalments.map((i) => (
                <tr key={i.seq} className="border-b border-slate-100">
                  <td className="py-1 pr-4">{i.seq === 0 ? t("advance") : String(i.seq)}</td>
                  <td className="py-1 pr-4">{formatDate(locale, i.dueOn)}</td>
                  <td className="py-1 pr-4 text-right font-mono">{formatMoney(locale, i.amountCents)}</td>
                  <td className="py-1 font-mono">{formatStructuredCommunication(i.structuredCommunication)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      {r.thread && (
        <Card title={t("threadTitle", { subject: r.thread.subject })}>
          <ConversationThread thread={r.thread} audience="affiliate" />
        </Card>
      )}
      {replied && (
        <p role="status" className="rounded border-2 border-ok-700 bg-white p-3 font-semibold text-ok-700">{t("replied")}</p>
      )}
      {r.canReply && (
        <Card title={t("replyTitle")}>
          <p className="mb-3">{t("replyIntro")}</p>
          <ConversationForm mode="reply" ns="cv_reply" idPrefix="reply" action={replyToMyRequestAction.bind(null, r.reference)} submitLabel={tc("submit")} />
        </Card>
      )}
      <Card title={t("timelineTitle")}>
        <ol className="space-y-2 border-l-2 border-brand-700 pl-4">
          {r.events.map((e, i) => (
            <li key={i}>
              <p className="font-medium">{tr(`statuses.${e.toStatus}`)}</p>
              <p className="text-sm text-slate-700">{dateTime(e.at)}</p>
              {e.byAccountant && <p className="text-sm font-medium">{ta("byAccountant", { accountant: e.byAccountant })}</p>}
              {reasonText(e.reason) && <p className="text-sm">{reasonText(e.reason)}</p>}
            </li>
          ))}
        </ol>
      </Card>
    </RequestPage>
  );
}
