"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { Resolver } from "react-hook-form";
import { MeForm } from "@/components/me/me-form";
import { setMyBulletinTopicsAction } from "@/lib/actions/information";
import { topicsSchema, type TopicsInput } from "@/lib/schemas/information";
import { BULLETIN_TOPICS, type BulletinTopic } from "@/lib/dto/information";

/** The affiliate's opt-in to the bulletin's e-mails, topic by topic (profile page). */
export function BulletinTopicsForm({ topics }: { topics: BulletinTopic[] }) {
  const t = useTranslations("info_subscriptions");
  return (
    <MeForm<TopicsInput>
      ns="info_subscriptions"
      idPrefix="bulletin-topics"
      resolver={zodResolver(topicsSchema) as unknown as Resolver<TopicsInput>}
      defaults={{ topics }}
      fields={[{ name: "topics", kind: "checkboxes", options: [...BULLETIN_TOPICS] }]}
      action={setMyBulletinTopicsAction as never}
      submitLabel={t("submit")}
      successText={() => t("saved")}
    />
  );
}
