import { Building2, KeySquare, PhoneForwarded, ScrollText, SlidersHorizontal, Users, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import type { Tenant } from "@/lib/api-types";
import type { Permission } from "@/lib/permissions";
import { ApiKeysScreen, AuditLogScreen, SettingsScreen, TargetsSettings, TenantsSettings, UsersSettings } from "./screens";

/**
 * The screens of the admin area (?view=<id>), in the order of its side menu. A section appears only to
 * those who may open it: `needs` is a permission in the tenant, or "agencyAdmin". The server refuses
 * the same things anyway; this only hides what would be refused.
 */
export interface AdminSection {
  id: string;
  label: string;
  icon: LucideIcon;
  needs: Permission | "agencyAdmin";
  testId: string;
  render: (tenant: Tenant) => ReactNode;
}

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  {
    id: "settings",
    label: "Settings",
    icon: SlidersHorizontal,
    needs: "manageSettings",
    testId: "nav-settings",
    render: (tenant) => <SettingsScreen clientId={tenant.id} tenantName={tenant.name} />,
  },
  {
    id: "targets",
    label: "Transfer targets",
    icon: PhoneForwarded,
    needs: "view",
    testId: "nav-targets",
    render: (tenant) => <TargetsSettings clientId={tenant.id} tenantName={tenant.name} />,
  },
  {
    id: "users",
    label: "Users & roles",
    icon: Users,
    needs: "manageUsers",
    testId: "nav-users",
    render: (tenant) => <UsersSettings clientId={tenant.id} tenantName={tenant.name} />,
  },
  {
    id: "keys",
    label: "API keys",
    icon: KeySquare,
    needs: "manageKeys",
    testId: "nav-keys",
    render: (tenant) => <ApiKeysScreen clientId={tenant.id} tenantName={tenant.name} />,
  },
  {
    id: "audit",
    label: "Audit log",
    icon: ScrollText,
    needs: "readAudit",
    testId: "nav-audit",
    render: (tenant) => <AuditLogScreen clientId={tenant.id} tenantName={tenant.name} />,
  },
  {
    id: "tenants",
    label: "Clients",
    icon: Building2,
    needs: "agencyAdmin",
    testId: "nav-tenants",
    render: () => <TenantsSettings />,
  },
];

export function adminSection(view: string): AdminSection | undefined {
  return ADMIN_SECTIONS.find((s) => s.id === view);
}
