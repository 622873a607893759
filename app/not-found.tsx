import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main id="main" className="mx-auto max-w-2xl p-8">
      <h1 className="text-2xl font-bold text-brand-900">{t("title")}</h1>
      <p className="mt-3">{t("body")}</p>
      <p className="mt-3"><Link href="/">{t("home")}</Link></p>
    </main>
  );
}
