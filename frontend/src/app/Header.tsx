import type { ReactNode } from "react";
import { Wordmark } from "@/components/ui/Wordmark";

/** Product name on the left, tenant picker and navigation next to it, the signed-in user and connection state on the right. */
export function Header({ picker, nav, user, status }: { picker: ReactNode; nav?: ReactNode; user?: ReactNode; status: ReactNode }) {
  return (
    <header className="sticky top-0 z-20 flex h-14 shrink-0 items-center gap-4 border-b border-slate-200 bg-white/95 px-4 backdrop-blur sm:px-6">
      <Wordmark />
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
