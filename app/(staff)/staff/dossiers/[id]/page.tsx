import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AccessLogTable } from "@/components/access-log-table";
import { Card, PageTitle, Stat } from "@/components/ui";
import { LedgerTable } from "@/components/ledger-table";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getDossier } from "@/lib/dal/dossiers/get-dossier";
import { getDossierDetails } from "@/lib/dal/dossiers/get-dossier-details";
import { listAdvisors } from "@/lib/dal/requests/list-advisors";
import { DOSSIER_VIEW_REASONS, viewReason } from "@/lib/dto/dossiers";
import { can } from "@/lib/auth/permissions";
import { ActionForm } from "@/components/backoffice/action-form";
import { DossierMandates } from "@/components/backoffice/dossier-mandates";
import { DossierPlans } from "@/components/backoffice/dossier-plans";
import { listDossierPlans } from "@/lib/dal/dossiers/list-dossier-plans";
import { listDossierMandates } from "@/lib/dal/payments/list-dossier-mandates";
import { DossierContacts } from "@/components/information/dossier-contacts";
import { listDossierContacts } from "@/lib/dal/dossiers/list-dossier-contacts";
import { todayInBrussels } from "@/lib/clock";
import { dateFormat, formatDate, formatEnterpriseNumber, formatMoney, formatNiss } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dossier");
  return { title: t("title") };
}

export default async function DossierPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ reason?: string }> }) {
  const { id } = await params;
  const reason = viewReason((await searchParams).reason);
  const viewer = await requireViewer("dossier:read:any", `/staff/dossiers/${id}`);
  const d = await orNotFound(getDossier(viewer, id, todayInBrussels(), reason));
  const x = await getDossierDetails(viewer, id);
  const mandates = await listDossierMandates(viewer, id);
  const plans = await listDossierPlans(viewer, id, todayInBrussels());
  const [contacts, tct] = [await listDossierContacts(viewer, id), await getTranslations("info_contacts")];
  const advisors = can(viewer.role, "request:decide") ? await listAdvisors(viewer) : [];
  const tb = await getTranslations("bo_dossier");
  const tst = await getTranslations("bo_status");
  const trs = await getTranslations("bo_recovery");
  const tbt = await getTranslations("bo_benefitType");
  const tbi = await getTranslations("bo_birth");
  const tcs = await getTranslations("bo_claimStatus");
  const trt = await getTranslations("requestType");
  const t = await getTranslations("dossier");
  const tc = await getTranslations("category");
  const tlang = await getTranslations("languageName");
  const tk = await getTranslations("callKind");
  const tl = await getTranslations("ledgerKind");
  const ts = await getTranslations("affiliationStatus");
  const locale = await getLocale();
  const dateTime = dateFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Brussels" });
  const timelineLabel = (kind: string, p: Record<string, string>): string => {
    if (kind === "request") return tb("event.request", { reference: p.reference, status: tst(p.status as "OPEN") });
    if (kind === "note") return tb("event.note", { author: p.author });
    if (kind === "document") return tb("event.document", { name: p.name });
    if (kind === "message") return tb("event.message", { subject: p.subject });
    if (kind === "recovery") return tb("event.recovery", { step: trs(`steps.${p.step as "REMINDER"}`) });
    if (kind === "contact") return tct("timeline", { channel: tct(`options.channel.${p.channel as "PHONE"}`), summary: p.summary, author: p.author });
    if (kind === "claim") return tb("event.claim", { type: tbt(p.type as "MATERNITY_AID") });
    return tb("event.ledger", { kind: tl(p.kind as "CALL") });
  };
  const title = d.person ? `${d.person.firstName} ${d.person.lastName}` : (d.company?.name ?? "");
  return (
    <div className="space-y-6">
      <p><Link href="/staff">{t("back")}</Link></p>
      <PageTitle>{title}</PageTitle>
      <form method="get" className="flex flex-wrap items-end gap-2 rounded border border-slate-200 bg-white p-3" aria-labelledby="reason-title">
        <h2 id="reason-title" className="sr-only">{tb("reasonTitle")}</h2>
        <div>
          <label htmlFor="view-reason" className="block font-medium">{tb("reasonLabel")}</label>
          <p id="view-reason-hint" className="text-sm text-slate-700">{tb("reasonHint")}</p>
          <select id="view-reason" name="reason" defaultValue={reason} aria-describedby="view-reason-hint" className="mt-1 rounded border border-slate-500 px-2 py-1">
            {DOSSIER_VIEW_REASONS.map((r) => <option key={r} value={r}>{tb(`reasons.${r}`)}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{tb("reasonSubmit")}</button>
      </form>
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
            <dt className="text-slate-700">{t("language")}</dt><dd>{tlang.has(d.language) ? tlang(d.language as "fr") : d.language}</dd>
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
                  <td className="py-2 pr-4">{tb("callPeriod", { year: c.year, quarter: c.quarter })}</td>
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
          <LedgerTable lines={d.ledger} caption={t("ledger")} />
        </div>
      </Card>
      <DossierPlans plans={plans} />
      <DossierMandates mandates={mandates} />
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={tb("links")}>
          {x.links.length === 0 ? <p>{tb("noLinks")}</p> : (
            <ul className="list-disc pl-5">
              {x.links.map((l, i) => (
                <li key={i}>{l.affiliateId ? <Link href={`/staff/dossiers/${l.affiliateId}`}>{tb(l.kind, { name: l.name })}</Link> : tb(l.kind, { name: l.name })}</li>
              ))}
            </ul>
          )}
        </Card>
        {advisors.length > 0 && (
          <Card title={tb("advisorAssign")}>
            <ActionForm
              kind="dossierAdvisor"
              id="dossier-advisor"
              compact
              fields={[
                { name: "affiliateId", type: "hidden", value: d.id },
                { name: "advisorId", type: "select", label: tb("advisorAssign"), options: advisors.map((a) => ({ value: a.id, label: a.name })), value: x.advisorId ?? advisors[0].id },
              ]}
              submit={tb("advisorSubmit")}
              messages={{}}
            />
          </Card>
        )}
        <Card title={tb("requests")}>
          {x.requests.length === 0 ? <p>{tb("none")}</p> : (
            <ul className="list-disc pl-5">
              {x.requests.map((r) => (
                <li key={r.id}><Link href={`/staff/requests/${r.id}`}>{r.reference}</Link> — {trt(r.type as "QUESTION")} — {tst(r.status as "OPEN")} ({formatDate(locale, r.filedOn)})</li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={tb("claims")}>
          {x.claims.length === 0 ? <p>{tb("none")}</p> : (
            <ul className="list-disc pl-5">
              {x.claims.map((c) => <li key={c.id}>{tb("claimType", { type: tbt(c.type as "MATERNITY_AID"), status: tcs(c.status as "OFFERED") })}</li>)}
            </ul>
          )}
          {d.person && (
            <div className="mt-4">
              <ActionForm
                kind="birth"
                id="birth"
                title={tbi("title")}
                fields={[{ name: "affiliateId", type: "hidden", value: d.id }, { name: "bornOn", type: "text", label: tbi("bornOn"), hint: tbi("hint") }]}
                submit={tbi("submit")}
                messages={{ birthRecorded: tbi("recorded"), birthKnown: tbi("known") }}
                compact
              />
            </div>
          )}
        </Card>
        <Card title={tb("recovery")}>
          {x.recovery.length === 0 ? <p>{tb("none")}</p> : (
            <ul className="list-disc pl-5">
              {x.recovery.map((c) => (
                <li key={c.id}><Link href={`/staff/recovery/${c.id}`}>{tb("caseLine", { step: trs(`steps.${c.currentStep as "REMINDER"}`), status: trs(`statusValues.${c.status as "OPEN"}`), amount: formatMoney(locale, c.debtCents) })}</Link></li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={tb("documents")}>
          {x.documents.length === 0 ? <p>{tb("none")}</p> : (
            <ul className="list-disc pl-5">
              {x.documents.map((doc) => <li key={doc.id}>{doc.kind === "DECISION" && doc.requestId ? <a href={`/api/decisions/${doc.requestId}`}>{doc.fileName}</a> : doc.fileName}</li>)}
            </ul>
          )}
        </Card>
        <Card title={tb("messages")}>
          {x.threads.length === 0 ? <p>{tb("none")}</p> : (
            <ul className="list-disc pl-5">
              {x.threads.map((m) => <li key={m.id}>{m.requestId ? <Link href={`/staff/requests/${m.requestId}`}>{m.subject}</Link> : m.subject} — {tst(m.status === "OPEN" ? "OPEN" : "CLOSED")}</li>)}
            </ul>
          )}
        </Card>
        <Card title={tb("notes")}>
          <ActionForm
            kind="note"
            id="note"
            fields={[{ name: "affiliateId", type: "hidden", value: d.id }, { name: "body", type: "textarea", label: tb("noteLabel") }]}
            submit={tb("addNote")}
            messages={{ noteAdded: tb("noteAdded") }}
          />
          <ul className="mt-3 space-y-2">
            {x.notes.map((n) => (
              <li key={n.id} className="border-l-4 border-brand-100 pl-2"><p className="text-sm text-slate-700">{n.authorName} — {dateTime.format(new Date(n.createdAt))}</p><p className="whitespace-pre-line">{n.body}</p></li>
            ))}
          </ul>
        </Card>
      </div>
      <DossierContacts affiliateId={d.id} contacts={contacts} today={todayInBrussels()} canRecord={can(viewer.role, "contact:record")} />
      <Card title={tb("timeline")}>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{tb("timelineCaption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">{tb("when")}</th>
                <th scope="col" className="py-2">{tb("what")}</th>
              </tr>
            </thead>
            <tbody>
              {x.timeline.slice(0, 100).map((e, i) => {
                const label = timelineLabel(e.kind, e.params);
                return (
                  <tr key={i} className="border-b border-slate-100">
                    <td className="py-2 pr-3">{e.at.length === 10 ? formatDate(locale, e.at) : dateTime.format(new Date(e.at))}</td>
                    <td className="py-2">{e.href ? <Link href={e.href}>{label}</Link> : label}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Card>
      <Card title={tb("accessLog")}>
        <AccessLogTable rows={x.accessLog} caption={tb("accessCaption")} />
      </Card>
    </div>
  );
}
