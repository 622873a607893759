import { getLocale } from "next-intl/server";
import { currentViewer } from "@/lib/auth/session";
import { todayInBrussels } from "@/lib/clock";
import { getMyTaxCertificate } from "@/lib/dal/documents/get-my-tax-certificate";
import { renderPdf, taxCertificateText } from "@/lib/letters/certificates";
import { documentResponse } from "@/lib/http/document-response";
import type { AppLocale } from "@/lib/i18n/config";
import { serverTranslator } from "@/lib/i18n/translator";

export async function GET(_request: Request, { params }: { params: Promise<{ year: string }> }) {
  const { year } = await params;
  const locale = (await getLocale()) as AppLocale;
  return documentResponse(async () => {
    const c = await getMyTaxCertificate(await currentViewer(), /^\d{4}$/.test(year) ? Number(year) : NaN, todayInBrussels());
    return { content: await renderPdf(locale, taxCertificateText(locale, c), c.fund.name), fileName: `${serverTranslator(locale, "ss_documents")("taxFileName")}-${c.year}-${c.holder.memberNumber}.pdf`, mimeType: "application/pdf" };
  });
}
