// The server-side translator of everything that is not a page: letters and PDFs, e-mails, batch runs. Synchronous,
// over the catalogues imported once (pages use next-intl's getTranslations instead). Built on use-intl's core, which
// also runs in the worker and the benchmarks (no react-server condition needed).
import { createTranslator } from "use-intl/core";
import type { AppLocale } from "./config";
import { CATALOGUES } from "./messages/catalogues";

export type Translate = ((key: string, values?: Record<string, string | number | Date>) => string) & { has: (key: string) => boolean };

/** A translator for one language, optionally inside one namespace ("bo_letter" → t("title") reads bo_letter.title). */
export function serverTranslator(locale: AppLocale, namespace?: string): Translate {
  return createTranslator({ locale, messages: CATALOGUES[locale], ...(namespace ? { namespace } : {}) } as never) as unknown as Translate;
}
