// The e-mails of a mandate's life, in the affiliate's language through the outbox: confirmed, refused (with the
// reason in words). The bank's returns are told by the CODA import itself (lib/jobs/coda-returns.ts), inside its
// transaction. Both are in the affiliate's inbox; nothing is e-mailed to one who opted out or has no address.
import "server-only";
import { prisma } from "@/lib/db/client";
import { portalBaseUrl } from "@/lib/auth/activation";
import { serverTranslator } from "@/lib/i18n/translator";
import { sendEmail } from "@/lib/mail/outbox";
import { recordNotices, wantsEmail } from "./notify";

/** The last four characters of an account: enough for the holder to recognise it, no more in an e-mail. */
export const ibanEnd = (iban: string) => iban.replace(/\s+/g, "").slice(-4);

export async function notifyMandateDecision(mandateId: string): Promise<boolean> {
  const m = await prisma.directDebitMandate.findUniqueOrThrow({
    where: { id: mandateId },
    select: {
      id: true, reference: true, iban: true, status: true, refusalReason: true, refusalNote: true, affiliateId: true,
      affiliate: { select: { language: true, notificationPrefs: true, person: { select: { email: true } }, login: { select: { email: true } } } },
    },
  });
  if (m.status !== "ACTIVE" && m.status !== "REFUSED") return false;
  const to = m.affiliate.person?.email?.trim() || m.affiliate.login?.email || "";
  const locale = m.affiliate.language;
  const t = serverTranslator(locale, "ddMail");
  const values = { reference: m.reference, ibanEnd: ibanEnd(m.iban), link: `${portalBaseUrl()}/me/pay` };
  const refused = m.status === "REFUSED";
  const reason = refused ? serverTranslator(locale, "ddRefusal")(m.refusalReason ?? "other") : "";
  const text = refused
    ? [t("refusedText", { ...values, reason }), m.refusalNote ? t("refusedNote", { note: m.refusalNote }) : null, t("signature")].filter(Boolean).join("\n\n")
    : [t("confirmedText", values), t("signature")].join("\n\n");
  const subject = t(refused ? "refusedSubject" : "confirmedSubject", values);
  // in the inbox whatever the preferences; by e-mail when wanted
  await recordNotices(prisma, [{ affiliateId: m.affiliateId, kind: refused ? "mandateRefused" : "mandateConfirmed", subject, emailText: text, path: "/me/pay", uniqueKey: `mandate-decision:${m.id}` }]);
  if (!to || !wantsEmail(m.affiliate.notificationPrefs)) return false;
  await sendEmail({
    to,
    subject,
    text,
    template: refused ? "mandate.refused" : "mandate.confirmed",
    affiliateId: m.affiliateId,
    uniqueKey: `mandate-decision:${m.id}`,
  });
  return true;
}
