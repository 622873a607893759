import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, ListTable, PageTitle } from "@/components/ui";
import { GrantMandateForm } from "@/components/accountants/grant-mandate-form";
import { AnswerMandateButtons, RevokeMandateButton } from "@/components/accountants/mandate-buttons";
import { MandateRights } from "@/components/accountants/mandate-rights";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { listMyAccountantMandates } from "@/lib/dal/accountants/list-my-accountant-mandates";
import { todayInBrussels } from "@/lib/clock";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("acc_mandates");
  return { title: t("title") };
}

/** The affiliate's accountants: requests to answer, mandates in force (revocable at once), a form to give a new one. */
const DONE = ["revoked", "accepted", "refused"] as const;

export default async function MyAccountantPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const viewer = await requireViewer("own-profile:update", "/me/accountant");
  const today = todayInBrussels();
  const mandates = await orNotFound(listMyAccountantMandates(viewer, today));
  const t = await getTranslations("acc_mandates");
  const asked = mandates.filter((m) => m.state === "REQUESTED");
  const others = mandates.filter((m) => m.state !== "REQUESTED");
  const asked_ = (await searchParams).done;
  const done = DONE.find((d) => d === asked_);
  return (
    <div className="space-y-6">
      <p>
        <Link href="/me/profile">{t("back")}</Link>
      </p>
      <PageTitle>{t("title")}</PageTitle>
      {done && <p role="status" className="rounded border-2 border-ok-700 bg-white p-3 font-semibold text-ok-700">{t(`done.${done}`)}</p>}
      <p className="max-w-3xl">{t("intro")}</p>
      {asked.length > 0 && (
        <Card title={t("askedTitle")}>
          <ul className="space-y-4">
            {asked.map((m) => (
              <li key={m.id} className="space-y-2 border-b border-slate-100 pb-3">
                <p className="font-medium">{t("askedBy", { accountant: m.accountantName, itaa: m.itaaNumber })}</p>
                <p>
                  <MandateRights m={m} />
                </p>
                <AnswerMandateButtons id={m.id} accountant={m.accountantName} />
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card title={t("listTitle")}>
        {others.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <ListTable caption={t("listTitle")} columns={[{ label: t("accountant") }, { label: t("rights") }, { label: t("state") }, { label: t("actions"), srOnly: true }]}>
            {others.map((m) => (
              <tr key={m.id} className="border-b border-slate-100 align-top">
                <td className="py-2 pr-4">
                  {m.accountantName}
                  <span className="block text-sm text-slate-700">{t("itaa", { itaa: m.itaaNumber })}</span>
                </td>
                <td className="py-2 pr-4"><MandateRights m={m} /></td>
                <td className="py-2 pr-4">{t(`states.${m.state}`)}</td>
                <td className="py-2">{(m.state === "ACTIVE" || m.state === "UPCOMING") && <RevokeMandateButton id={m.id} accountant={m.accountantName} />}</td>
              </tr>
            ))}
          </ListTable>
        )}
      </Card>
      <Card title={t("grantTitle")}>
        <p className="mb-3 max-w-3xl">{t("grantIntro")}</p>
        <GrantMandateForm today={today} />
      </Card>
    </div>
  );
}
