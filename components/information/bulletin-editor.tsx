"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { Resolver } from "react-hook-form";
import { MeForm, type MeField } from "@/components/me/me-form";
import { saveBulletinAction } from "@/lib/actions/information";
import { bulletinSchema, type BulletinInput } from "@/lib/schemas/information";
import { BULLETIN_TOPICS } from "@/lib/dto/information";

/** Writes or changes a draft issue (both languages, each optional; the id travels with the form's values). Publishing
 *  is on the page, after its preview. */
export function BulletinEditor({ defaults }: { defaults: BulletinInput }) {
  const t = useTranslations("info_staff_bulletin");
  const fields: MeField[] = [
    { name: "topic", kind: "select", options: [...BULLETIN_TOPICS] },
    { name: "titleFr", kind: "text" },
    { name: "bodyFr", kind: "textarea" },
    { name: "titleNl", kind: "text" },
    { name: "bodyNl", kind: "textarea" },
  ];
  return (
    <MeForm<BulletinInput>
      ns="info_staff_bulletin"
      idPrefix={defaults.id ? "bulletin-edit" : "bulletin-new"}
      resolver={zodResolver(bulletinSchema) as unknown as Resolver<BulletinInput>}
      defaults={defaults}
      fields={fields}
      action={saveBulletinAction as never}
      submitLabel={t("submit")}
      successText={() => t("saved")}
    />
  );
}
