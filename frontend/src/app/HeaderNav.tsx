import { LayoutList, PhoneForwarded } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { useView, type View } from "./useView";

/** Live calls | Transfer targets, as links (they are URLs: ?view=targets). */
export function HeaderNav() {
  const { view, show } = useView();
  return (
    <nav aria-label="Screens" className="flex items-center gap-1">
      <NavLink view="board" current={view} onSelect={show} icon={<LayoutList className="size-4" />}>
        Live calls
      </NavLink>
      <NavLink view="targets" current={view} onSelect={show} icon={<PhoneForwarded className="size-4" />} testId="nav-targets">
        Transfer targets
      </NavLink>
    </nav>
  );
}

function NavLink({ view, current, onSelect, icon, testId, children }: { view: View; current: View; onSelect: (v: View) => void; icon: ReactNode; testId?: string; children: ReactNode }) {
  const href = (() => {
    const url = new URL(window.location.href);
    if (view === "board") url.searchParams.delete("view");
    else {
      url.searchParams.set("view", view);
      url.searchParams.delete("call");
    }
    return url.pathname + url.search;
  })();
  const active = view === current;
  return (
    <a
      href={href}
      data-testid={testId}
      aria-current={active ? "page" : undefined}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        onSelect(view);
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
