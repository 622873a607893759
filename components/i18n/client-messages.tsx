import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { clientMessages, type PortalPart } from "@/lib/i18n/client-namespaces";

/** Gives the client components below only the catalogue namespaces their part of the portal uses (lib/i18n/client-namespaces.ts). */
export async function ClientMessages({ part, children }: { part: PortalPart; children: React.ReactNode }) {
  const messages = (await getMessages()) as Record<string, unknown>;
  return <NextIntlClientProvider messages={clientMessages(messages, part)}>{children}</NextIntlClientProvider>;
}
