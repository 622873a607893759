import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { ActionForm } from "@/components/backoffice/action-form";
import { INSTITUTIONS } from "@/lib/domain/competent-institutions";

/** A question that is not the fund's: forwarded to the competent institution, the affiliate told to whom and when. */
export async function ForwardQuestion({ requestId }: { requestId: string }) {
  const t = await getTranslations("bo_forward");
  const ti = await getTranslations("cv_forward.institutions");
  return (
    <Card title={t("title")}>
      <p className="mb-3">{t("intro")}</p>
      <ActionForm
        kind="forwardQuestion"
        id="forward"
        fields={[
          { name: "requestId", type: "hidden", value: requestId },
          { name: "institution", type: "select", label: t("institution"), options: [{ value: "", label: "—" }, ...INSTITUTIONS.map((i) => ({ value: i, label: ti(i) }))], value: "" },
          { name: "text", type: "textarea", label: t("text") },
        ]}
        submit={t("submit")}
        messages={{}}
      />
    </Card>
  );
}
