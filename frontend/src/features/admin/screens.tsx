import { lazy } from "react";

// Each admin section's code loads when it is first opened (AdminLayout shows "Loading…" meanwhile), so the live
// board does not carry it.
export const ApiKeysScreen = lazy(() => import("@/features/keys/components/ApiKeysScreen").then((m) => ({ default: m.ApiKeysScreen })));
export const AuditLogScreen = lazy(() => import("@/features/audit/components/AuditLogScreen").then((m) => ({ default: m.AuditLogScreen })));
export const SettingsScreen = lazy(() => import("@/features/settings/components/SettingsScreen").then((m) => ({ default: m.SettingsScreen })));
export const TargetsSettings = lazy(() => import("@/features/targets/components/TargetsSettings").then((m) => ({ default: m.TargetsSettings })));
export const TenantsSettings = lazy(() => import("@/features/tenants/components/TenantsSettings").then((m) => ({ default: m.TenantsSettings })));
export const UsersSettings = lazy(() => import("@/features/users/components/UsersSettings").then((m) => ({ default: m.UsersSettings })));
