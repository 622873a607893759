import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { InboxList } from "@/components/me/inbox-list";
import { type MyNotifications } from "@/lib/dto/account";

/** On the affiliate's home: the latest notices and how many are unread. */
export async function InboxCard({ inbox }: { inbox: MyNotifications }) {
  const t = await getTranslations("ss_inbox");
  return (
    <Card title={t("cardTitle", { count: inbox.unread })}>
      <InboxList items={inbox.items} />
      <p className="mt-3">
        <Link href="/me/inbox">{t("all")}</Link>
      </p>
    </Card>
  );
}
