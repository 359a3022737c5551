import { useSession, usePermissions } from "@/features/auth/hooks/auth-context";
import { ADMIN_SECTIONS, type AdminSection } from "./sections";

/** The admin sections the signed-in user may open in this tenant, in menu order. */
export function useVisibleSections(tenantId: string): readonly AdminSection[] {
  const can = usePermissions(tenantId);
  const agencyAdmin = useSession()?.user.agencyAdmin ?? false;
  return ADMIN_SECTIONS.filter((s) => (s.needs === "agencyAdmin" ? agencyAdmin : can(s.needs)));
}
