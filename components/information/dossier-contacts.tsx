import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { ContactForm } from "./contact-form";
import { formatDate } from "@/lib/format";
import type { DossierContactEntry } from "@/lib/dto/information";

/** The dossier's contacts outside the portal: the form to record one, and those recorded (with the scanned letters). */
export async function DossierContacts({ affiliateId, contacts, today, canRecord }: { affiliateId: string; contacts: DossierContactEntry[]; today: string; canRecord: boolean }) {
  const t = await getTranslations("info_contacts");
  const locale = await getLocale();
  return (
    <Card title={t("title")}>
      <p className="mb-3">{t("intro")}</p>
      {canRecord && (
        <section aria-labelledby="contact-form-title" className="mb-4">
          <h3 id="contact-form-title" className="mb-2 font-semibold text-brand-900">{t("formTitle")}</h3>
          <ContactForm affiliateId={affiliateId} today={today} />
        </section>
      )}
      {contacts.length === 0 ? <p>{t("none")}</p> : (
        <ul className="space-y-2">
          {contacts.map((c) => (
            <li key={c.id} className="border-l-4 border-brand-100 pl-2">
              <p className="text-sm text-slate-700">{t("line", { channel: t(`options.channel.${c.channel}`), date: formatDate(locale, c.occurredOn), author: c.authorName })}</p>
              <p className="whitespace-pre-line">{c.summary}</p>
              {c.document && <p className="text-sm"><a href={`/api/evidence/${c.document.id}`}>{t("letter", { file: c.document.fileName })}</a></p>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
