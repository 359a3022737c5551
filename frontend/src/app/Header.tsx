import { AudioLines } from "lucide-react";
import type { ReactNode } from "react";

/** Product name on the left, tenant picker and navigation next to it, your name and connection state on the right. */
export function Header({ picker, nav, user, status }: { picker: ReactNode; nav?: ReactNode; user?: ReactNode; status: ReactNode }) {
  return (
    <header className="sticky top-0 z-20 flex h-14 shrink-0 items-center gap-4 border-b border-slate-200 bg-white/95 px-4 backdrop-blur sm:px-6">
      <div className="flex items-center gap-2.5">
        <span className="flex size-8 items-center justify-center rounded-lg bg-blue-600 text-white shadow-sm shadow-blue-600/30">
          <AudioLines aria-hidden className="size-4.5" />
        </span>
        <h1 className="text-[15px] font-semibold tracking-tight text-slate-900">Switchboard</h1>
      </div>
      <span aria-hidden className="h-6 w-px bg-slate-200" />
      {picker}
      {nav}
      <div className="ml-auto flex items-center gap-3">
        {user}
        {status}
      </div>
    </header>
  );
}
