import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";

export default async function HomePage() {
  const t = await getTranslations("home");
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p className="max-w-3xl text-lg">{t("intro")}</p>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("affiliatesTitle")}>
          <p className="mb-3">{t("affiliatesBody")}</p>
          <Link href="/login">{t("signIn")}</Link>
        </Card>
        <Card title={t("commitmentTitle")}>
          <ul className="list-disc space-y-1 pl-5">
            <li>{t("commitment1")}</li>
            <li>{t("commitment2")}</li>
            <li>{t("commitment3")}</li>
          </ul>
        </Card>
      </div>
    </div>
  );
}
