import { AudioLines } from "lucide-react";
import { cn } from "./cn";

/** The product's logo and name, as in the header (`as`: the heading level where it is the page title). */
export function Wordmark({ as: Heading = "h1", className }: { as?: "h1" | "p"; className?: string }) {
  return (
    <div className={cn("flex items-center gap-2.5", className)}>
      <span className="flex size-8 items-center justify-center rounded-lg bg-blue-600 text-white shadow-sm shadow-blue-600/30">
        <AudioLines aria-hidden className="size-4.5" />
      </span>
      <Heading className="text-[15px] font-semibold tracking-tight text-slate-900">Switchboard</Heading>
    </div>
  );
}
