import type { ReactNode } from "react";
import { cn } from "./cn";

export function EmptyState({ icon, title, children, className, ...rest }: {
  icon?: ReactNode;
  title: ReactNode;
  children?: ReactNode;
  className?: string;
  "data-testid"?: string;
}) {
  return (
    <div className={cn("flex flex-col items-center px-6 py-12 text-center", className)} {...rest}>
      {icon && <div className="mb-4 flex size-11 items-center justify-center rounded-full bg-slate-100 text-slate-500">{icon}</div>}
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      {children && <div className="mt-1.5 max-w-md text-sm text-slate-500">{children}</div>}
    </div>
  );
}
