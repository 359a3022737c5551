import { setSearchParams } from "@/app/url-state";
import { cn } from "@/components/ui/cn";
import { LazyScreen } from "@/components/ui/LazyScreen";
import type { Tenant } from "@/lib/api-types";
import { useVisibleSections } from "../hooks";
import type { AdminSection } from "../sections";

/** The admin area: a side menu of the sections this user may open, and the open one beside it. */
export function AdminLayout({ tenant, section }: { tenant: Tenant; section: AdminSection }) {
  const sections = useVisibleSections(tenant.id);
  const allowed = sections.some((s) => s.id === section.id);
  return (
    <div className="flex min-h-0 flex-1">
      <nav aria-label="Settings" className="hidden w-56 shrink-0 border-r border-slate-200 bg-white px-3 py-6 sm:block">
        <p className="mb-2 px-2 text-[11px] font-semibold tracking-wider text-slate-400 uppercase">Settings</p>
        <ul className="space-y-0.5">
          {sections.map((s) => (
            <li key={s.id}>
              <SectionLink section={s} active={s.id === section.id} />
            </li>
          ))}
        </ul>
      </nav>
      <main className="min-w-0 flex-1 overflow-y-auto">
        {allowed ? (
          <LazyScreen>{section.render(tenant)}</LazyScreen>
        ) : (
          <p role="alert" className="mx-auto mt-10 max-w-xl rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            Your role in {tenant.name} cannot open {section.label}. Ask an admin of this client if you need it.
          </p>
        )}
      </main>
    </div>
  );
}

function SectionLink({ section, active }: { section: AdminSection; active: boolean }) {
  const Icon = section.icon;
  const url = new URL(window.location.href);
  url.searchParams.set("view", section.id);
  url.searchParams.delete("call");
  return (
    <a
      href={url.pathname + url.search}
      data-testid={section.testId}
      aria-current={active ? "page" : undefined}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        setSearchParams({ view: section.id, call: null });
      }}
      className={cn(
        "flex items-center gap-2 rounded-lg px-2 py-1.5 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600",
        active ? "bg-slate-100 text-slate-900" : "text-slate-600 hover:bg-slate-50 hover:text-slate-900",
      )}
    >
      <Icon aria-hidden className="size-4 shrink-0 text-slate-400" />
      {section.label}
    </a>
  );
}
