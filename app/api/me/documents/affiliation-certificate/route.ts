import { getLocale } from "next-intl/server";
import { currentViewer } from "@/lib/auth/session";
import { todayInBrussels } from "@/lib/clock";
import { getMyAffiliationCertificate } from "@/lib/dal/documents/get-my-affiliation-certificate";
import { affiliationCertificateText, renderPdf } from "@/lib/letters/certificates";
import { documentResponse } from "@/lib/http/document-response";
import type { AppLocale } from "@/lib/i18n/config";

export async function GET() {
  const locale = (await getLocale()) as AppLocale;
  return documentResponse(async () => {
    const c = await getMyAffiliationCertificate(await currentViewer(), todayInBrussels());
    return { content: await renderPdf(locale, affiliationCertificateText(locale, c), c.fund.name), fileName: `attestation-affiliation-${c.holder.memberNumber}.pdf`, mimeType: "application/pdf" };
  });
}
