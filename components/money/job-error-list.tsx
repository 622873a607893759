"use client";
import { useTranslations } from "next-intl";

export type JobErrorItem = { code: string; params?: Record<string, string | number> };

/** A job's message codes in the user's language; line/record numbers in front when the code carries one. */
export function useJobMessage() {
  const t = useTranslations("moErrors");
  return (e: JobErrorItem): string => {
    const params = e.params ?? {};
    const message = t.has(e.code) ? t(e.code as never, params as never) : t("unknown", { code: e.code });
    if (typeof params.line === "number") return t("line", { line: params.line, message });
    if (typeof params.record === "number" && params.record > 0) return t("record", { record: params.record, message });
    return message;
  };
}

export function JobErrorList({ errors }: { errors: JobErrorItem[] }) {
  const msg = useJobMessage();
  return (
    <ul className="list-disc pl-5">
      {errors.map((e, i) => (<li key={i}>{msg(e)}</li>))}
    </ul>
  );
}
