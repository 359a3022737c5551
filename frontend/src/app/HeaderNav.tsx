import { BarChart3, Building2, History, LayoutList, Settings } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { Tenant } from "@/lib/api-types";
import { adminSection } from "@/features/admin/sections";
import { useVisibleSections } from "@/features/admin/hooks";
import { useSession } from "@/features/auth/hooks/auth-context";
import { useView, type View } from "./useView";

/** The tenant's screens, as links (they are URLs: ?view=…): Live calls, Analytics, Agency (agency admins) and Settings (the admin area). */
export function HeaderNav({ tenant }: { tenant: Tenant }) {
  const { view, show } = useView();
  const firstSection = useVisibleSections(tenant.id)[0];
  const agencyAdmin = useSession()?.user.agencyAdmin ?? false;
  return (
    <nav aria-label="Screens" className="flex items-center gap-1">
      <NavLink target="board" active={view === "board" || (!adminSection(view) && !isTopLevel(view))} onSelect={show} icon={<LayoutList className="size-4" />}>
        Live calls
      </NavLink>
      <NavLink target="history" active={view === "history"} onSelect={show} icon={<History className="size-4" />} testId="nav-history">
        History
      </NavLink>
      <NavLink target="analytics" active={view === "analytics"} onSelect={show} icon={<BarChart3 className="size-4" />} testId="nav-analytics">
        Analytics
      </NavLink>
      {agencyAdmin && (
        <NavLink target="overview" active={view === "overview"} onSelect={show} icon={<Building2 className="size-4" />} testId="nav-overview">
          Agency
        </NavLink>
      )}
      {firstSection && (
        <NavLink target={firstSection.id} active={!!adminSection(view)} onSelect={show} icon={<Settings className="size-4" />} testId="nav-admin">
          Settings
        </NavLink>
      )}
    </nav>
  );
}

/** Top-level screens other than the board and the admin area. */
const TOP_LEVEL = new Set<string>(["history", "analytics", "overview"]);

function isTopLevel(view: View): boolean {
  return TOP_LEVEL.has(view);
}

function NavLink({ target, active, onSelect, icon, testId, children }: { target: View; active: boolean; onSelect: (v: View) => void; icon: ReactNode; testId?: string; children: ReactNode }) {
  const href = (() => {
    const url = new URL(window.location.href);
    if (target === "board") url.searchParams.delete("view");
    else {
      url.searchParams.set("view", target);
      url.searchParams.delete("call");
    }
    return url.pathname + url.search;
  })();
  return (
    <a
      href={href}
      data-testid={testId}
      aria-current={active ? "page" : undefined}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        onSelect(target);
      }}
      className={cn(
        "inline-flex h-8 items-center gap-1.5 rounded-lg px-2.5 text-sm font-medium whitespace-nowrap transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600",
        active ? "bg-slate-100 text-slate-900" : "text-slate-500 hover:bg-slate-50 hover:text-slate-900",
      )}
    >
      <span aria-hidden className="contents">
        {icon}
      </span>
      <span className="hidden md:inline">{children}</span>
    </a>
  );
}
