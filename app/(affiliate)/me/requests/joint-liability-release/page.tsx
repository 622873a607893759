import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { RequestPage } from "@/components/me/request-page";
import { JointLiabilityForm } from "@/components/me/joint-liability-form";
import { JointLiabilityYears } from "@/components/me/joint-liability-years";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getMyJointLiabilityOptions } from "@/lib/dal/requests/get-my-joint-liability-options";
import { requestJointLiabilityReleaseAction } from "@/lib/actions/me-cessation";
import { todayInBrussels } from "@/lib/clock";
import { charterDeadlines } from "@/lib/domain";
import { formatDate } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_joint_release");
  return { title: t("title") };
}

// One company at a time (?company=<its dossier>): a director of one company goes straight to its form; a company
// the caller does not direct is a 404.
export default async function JointLiabilityReleasePage({ searchParams }: { searchParams: Promise<{ company?: string }> }) {
  const viewer = await requireViewer("own-request:create", "/me/requests/joint-liability-release");
  const today = todayInBrussels();
  const o = await orNotFound(getMyJointLiabilityOptions(viewer, today));
  const t = await getTranslations("ss_joint_release");
  const locale = await getLocale();
  const { company: chosenId } = await searchParams;
  const companies = o.kind === "open" ? o.companies : [];
  const company = chosenId ? companies.find((c) => c.companyAffiliateId === chosenId) : companies.length === 1 ? companies[0] : undefined;
  if (chosenId && !company) notFound();
  const open = company?.years.filter((y) => y.open) ?? [];
  return (
    <RequestPage ns="ss_joint_release" deadlineNote={t("deadline", { date: formatDate(locale, charterDeadlines({ filedOn: today }).decisionDueOn) })}>
      <Card title={t("rulesTitle")}>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t("rules.liable")}</li>
          <li>{t("rules.when")}</li>
          <li>{t("rules.effect")}</li>
        </ul>
      </Card>
      {o.kind === "no-company" && (
        <Card title={t("noCompanyTitle")}>
          <p>{t("noCompany")}</p>
        </Card>
      )}
      {!company && companies.length > 1 && (
        <Card title={t("chooseTitle")}>
          <ul className="list-disc space-y-1 pl-5">
            {companies.map((c) => (
              <li key={c.companyAffiliateId}>
                <Link href={`/me/requests/joint-liability-release?company=${encodeURIComponent(c.companyAffiliateId)}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {company && (
        <Card title={t("companyTitle", { name: company.name })}>
          <JointLiabilityYears company={company} />
          {open.length === 0 ? (
            <p className="mt-3" data-testid="joint-none-open">{t("noneOpen")}</p>
          ) : (
            <div className="mt-4">
              <JointLiabilityForm
                years={open.map((y) => ({ year: y.year, deadlineOn: y.deadlineOn }))}
                action={requestJointLiabilityReleaseAction.bind(null, company.companyAffiliateId)}
              />
            </div>
          )}
        </Card>
      )}
    </RequestPage>
  );
}
