import { ChevronsUpDown } from "lucide-react";
import type { Tenant } from "@/lib/api-types";

/** The tenant ("client") switcher in the header. Options are tenant ids, labelled with names. */
export function TenantPicker({ tenants, value, onChange, disabled, emptyLabel }: {
  tenants: readonly Tenant[];
  value: string | null;
  onChange: (id: string) => void;
  disabled?: boolean;
  /** What a disabled picker says instead of "Loading clients…" (e.g. there are none). */
  emptyLabel?: string;
}) {
  return (
    <label className="relative flex items-center">
      <span className="sr-only">Client</span>
      <select
        data-testid="tenant-picker"
        className="h-9 min-w-48 appearance-none rounded-lg border-0 bg-white py-0 pr-9 pl-3 text-sm font-medium text-slate-900 shadow-xs ring-1 ring-slate-300 ring-inset hover:ring-slate-400 focus:ring-2 focus:ring-blue-600 focus:outline-none disabled:text-slate-400"
        value={value ?? ""}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      >
        {value === null && <option value="">{disabled ? (emptyLabel ?? "Loading clients…") : "Choose a client"}</option>}
        {tenants.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <ChevronsUpDown aria-hidden className="pointer-events-none absolute right-2.5 size-4 text-slate-400" />
    </label>
  );
}
