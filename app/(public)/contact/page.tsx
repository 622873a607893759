import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { OpeningHours } from "@/components/information/opening-hours";
import { getFundContact } from "@/lib/dal/information/get-fund-contact";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("info_contact");
  return { title: t("title") };
}

// Every channel of the fund in one page: phone (with its hours), e-mail, letter, the offices and their opening hours
// (all fund-configurable: the Fund row), the online question.
export default async function ContactPage() {
  const t = await getTranslations("info_contact");
  const c = await getFundContact();
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p className="max-w-3xl">{t("intro")}</p>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("phoneTitle")}>
          <p className="text-lg font-semibold"><a href={`tel:${c.phone.replace(/[^\d+]/g, "")}`}>{c.phone}</a></p>
          {c.phoneHours.length > 0 && <div className="mt-3"><OpeningHours ranges={c.phoneHours} caption={t("phoneHours")} /></div>}
        </Card>
        <div className="space-y-4">
          <Card title={t("emailTitle")}>
            <p><a href={`mailto:${c.email}`}>{c.email}</a></p>
            <p className="mt-2">{t("emailText", { email: c.email })}</p>
          </Card>
          <Card title={t("letterTitle")}>
            <address className="not-italic">{c.name}<br />{c.address}</address>
          </Card>
          <Card title={t("onlineTitle")}>
            <p><Link href="/me/requests/question">{t("online")}</Link></p>
            <p className="mt-2"><Link href="/bulletin">{t("bulletin")}</Link></p>
          </Card>
        </div>
      </div>
      <section aria-labelledby="offices-title" className="space-y-4">
        <h2 id="offices-title" className="text-xl font-semibold text-brand-900">{t("officesTitle")}</h2>
        {c.offices.length === 0 ? <p>{t("noOffices")}</p> : (
          <ul className="grid gap-4 md:grid-cols-2">
            {c.offices.map((o) => (
              <li key={o.name} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <h3 className="text-lg font-semibold text-brand-900">{o.name}</h3>
                <address className="mb-3 not-italic">{o.street}<br />{o.postalCode} {o.city}</address>
                <OpeningHours ranges={o.hours} caption={t("officeHours", { office: o.name })} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
