import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui";
import { InboxList } from "@/components/me/inbox-list";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { listMyNotifications } from "@/lib/dal/account/list-my-notifications";
import { markNotificationsReadAction } from "@/lib/actions/me-inbox";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_inbox");
  return { title: t("title") };
}

export default async function InboxPage() {
  const viewer = await requireViewer("own-dossier:read", "/me/inbox");
  const inbox = await orNotFound(listMyNotifications(viewer, 200));
  const t = await getTranslations("ss_inbox");
  return (
    <div className="space-y-6">
      <p>
        <Link href="/me">{t("back")}</Link>
      </p>
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      {inbox.unread > 0 && (
        <form action={markNotificationsReadAction}>
          <button type="submit" className="rounded border border-slate-400 px-3 py-1">{t("markAllRead", { count: inbox.unread })}</button>
        </form>
      )}
      <InboxList items={inbox.items} />
    </div>
  );
}
