"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { Resolver } from "react-hook-form";
import { MeForm } from "@/components/me/me-form";
import { recordContactAction } from "@/lib/actions/information";
import { contactSchema, type ContactInput } from "@/lib/schemas/information";
import { CONTACT_CHANNELS } from "@/lib/dto/information";

/** Records a phone call, letter (with its scan), office visit or e-mail on the dossier. */
export function ContactForm({ affiliateId, today }: { affiliateId: string; today: string }) {
  const t = useTranslations("info_contacts");
  return (
    <MeForm<ContactInput>
      ns="info_contacts"
      idPrefix="contact"
      resolver={zodResolver(contactSchema) as unknown as Resolver<ContactInput>}
      defaults={{ affiliateId, channel: "PHONE", occurredOn: today, summary: "", evidence: [] }}
      fields={[
        { name: "channel", kind: "select", options: [...CONTACT_CHANNELS] },
        { name: "occurredOn", kind: "date" },
        { name: "summary", kind: "textarea" },
        { name: "evidence", kind: "file" },
      ]}
      action={recordContactAction as never}
      submitLabel={t("submit")}
      successText={() => t("recorded")}
    />
  );
}
