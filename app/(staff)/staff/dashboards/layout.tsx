import { ClientMessages } from "@/components/i18n/client-messages";

/** This area's client components get the staff namespaces and their own (lib/i18n/client-namespaces.ts). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages part="staff/dashboards">{children}</ClientMessages>;
}
