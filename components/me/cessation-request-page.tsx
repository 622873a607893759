import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { RequestPage } from "@/components/me/request-page";
import { charterDeadlines } from "@/lib/domain";
import { formatDate } from "@/lib/format";

/**
 * The page of a request whose rules are shown before the form (end of activity, assimilation for illness, continued
 * insurance): the legal decision deadline, the rules' card (`${ns}.${rulesKey}.<item>`), then — from the options the
 * DAL computed — the request already waiting, the missing affiliation, or the form with what the caller adds above it.
 */
export async function CessationRequestPage({
  ns,
  today,
  rulesKey,
  rules,
  options,
  children,
}: {
  ns: string;
  today: string;
  rulesKey: "rules" | "conditions";
  rules: string[];
  options: { kind: "pending"; reference: string } | { kind: "no-affiliation" } | { kind: "open" };
  children: React.ReactNode;
}) {
  const t = await getTranslations(ns);
  const locale = await getLocale();
  return (
    <RequestPage ns={ns} deadlineNote={t("deadline", { date: formatDate(locale, charterDeadlines({ filedOn: today }).decisionDueOn) })}>
      <Card title={t(`${rulesKey}Title`)}>
        <ul className="list-disc space-y-1 pl-5">
          {rules.map((r) => (
            <li key={r}>{t(`${rulesKey}.${r}`)}</li>
          ))}
        </ul>
      </Card>
      {options.kind === "pending" && (
        <Card title={t("pendingTitle")}>
          <p>{t.rich("pending", { reference: options.reference, link: (chunks) => <Link href={`/me/requests/${options.reference}`}>{chunks}</Link> })}</p>
        </Card>
      )}
      {options.kind === "no-affiliation" && (
        <Card title={t("noAffiliationTitle")}>
          <p>{t("noAffiliation")}</p>
        </Card>
      )}
      {options.kind === "open" && <Card title={t("requestTitle")}>{children}</Card>}
    </RequestPage>
  );
}
