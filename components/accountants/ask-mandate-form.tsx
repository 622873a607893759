"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { Resolver } from "react-hook-form";
import { MeForm, type MeField } from "@/components/me/me-form";
import { askMandateSchema, type AskMandateInput } from "@/lib/schemas/accountants";
import { askMandateAction } from "@/lib/actions/accountants";

const FIELDS: MeField[] = [
  { name: "identifier", kind: "text", autoComplete: "off" },
  { name: "canFileRequests", kind: "checkbox" },
  { name: "receivesNotices", kind: "checkbox" },
  { name: "validUntil", kind: "date" },
];

/** The accountant asks a client for a mandate by their national register or enterprise number. */
export function AskMandateForm() {
  const t = useTranslations("acc_portfolio");
  return (
    <MeForm<AskMandateInput>
      ns="acc_portfolio"
      idPrefix="ask"
      resolver={zodResolver(askMandateSchema) as unknown as Resolver<AskMandateInput>}
      defaults={{ identifier: "", canFileRequests: true, receivesNotices: false, validUntil: "" }}
      fields={FIELDS}
      action={askMandateAction as never}
      submitLabel={t("ask")}
      successText={() => t("asked")}
    />
  );
}
