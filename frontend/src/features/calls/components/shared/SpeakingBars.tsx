import { cn } from "@/components/ui/cn";

/** Three bouncing bars: someone is talking right now. */
export function SpeakingBars({ className }: { className?: string }) {
  return (
    <span aria-hidden className={cn("inline-flex h-3 items-end gap-[2px]", className)}>
      {[0, 150, 300].map((delay) => (
        <span key={delay} className="h-full w-[3px] origin-bottom animate-speaking rounded-full bg-current" style={{ animationDelay: `${delay}ms` }} />
      ))}
    </span>
  );
}
