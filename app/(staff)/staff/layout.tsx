import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SiteHeader, type NavItem } from "@/components/site-header";
import { requireViewer } from "@/lib/auth/session";
import { can, isStaff } from "@/lib/auth/permissions";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer(undefined, "/staff");
  // an affiliate never reaches the staff area: it does not exist for them
  if (!isStaff(viewer.role)) notFound();
  const t = await getTranslations("nav");
  const nav: NavItem[] = [{ href: "/staff", label: t("staffHome") }];
  if (can(viewer.role, "request:decide")) nav.push({ href: "/staff/queues", label: t("queues") });
  if (can(viewer.role, "request:decide")) nav.push({ href: "/staff/benefits", label: t("benefits") });
  if (can(viewer.role, "recovery:manage")) nav.push({ href: "/staff/recovery", label: t("recovery") });
  if (can(viewer.role, "payment:reconcile")) nav.push({ href: "/staff/payments", label: t("payments") });
  if (can(viewer.role, "job:run")) nav.push({ href: "/staff/jobs", label: t("jobs") });
  if (can(viewer.role, "mandate:manage")) nav.push({ href: "/staff/direct-debits", label: t("directDebits") });
  if (can(viewer.role, "transmission:manage")) nav.push({ href: "/staff/transmissions", label: t("transmissions") });
  if (can(viewer.role, "dashboard:read")) nav.push({ href: "/staff/dashboards", label: t("dashboards") });
  if (can(viewer.role, "parameter:read")) nav.push({ href: "/staff/parameters", label: t("parameters") });
  if (can(viewer.role, "staff:manage")) nav.push({ href: "/staff/accounts", label: t("staffAccounts") });
  if (can(viewer.role, "bulletin:publish")) nav.push({ href: "/staff/bulletins", label: (await getTranslations("info_staff_bulletin"))("nav") });
  if (can(viewer.role, "content:edit")) nav.push({ href: "/staff/guides", label: (await getTranslations("info_guides_staff"))("nav") });
  nav.push({ href: "/staff/security", label: t("security") });
  return (
    <ClientMessages part="staff">
      <SiteHeader nav={nav} userName={viewer.name} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </ClientMessages>
  );
}
