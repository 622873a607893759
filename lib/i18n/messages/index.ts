// The message catalogues, one file per area so that areas evolve independently. Each file holds its own
// top-level namespaces (no two files share one: tests/unit/i18n/messages.test.ts checks it).
import type { AppLocale } from "../config";

const FILES = ["common", "public", "me", "domain", "staff", "money-operations", "self-service", "back-office", "dashboards", "benefits", "information", "accountants"] as const;

export type Catalog = Record<string, unknown>;

export async function loadMessages(locale: AppLocale): Promise<Catalog> {
  const parts = await Promise.all(FILES.map((f) => import(`./${locale}/${f}.json`).then((m: { default: Catalog }) => m.default)));
  return Object.assign({}, ...parts);
}

export async function loadCatalogParts(locale: AppLocale): Promise<{ file: string; messages: Catalog }[]> {
  return Promise.all(FILES.map(async (file) => ({ file, messages: (await import(`./${locale}/${file}.json`)).default as Catalog })));
}
