import { Badge } from "@/components/ui/Badge";
import { cn } from "@/components/ui/cn";
import type { CallView } from "@/lib/api-types";
import { statusAppearance } from "../../model/call-status";

const dotColour: Record<string, string> = {
  slate: "bg-slate-400",
  sky: "bg-sky-500",
  amber: "bg-amber-500",
  green: "bg-emerald-500",
  violet: "bg-violet-500",
  red: "bg-red-500",
  blue: "bg-blue-500",
};

export function StatusBadge({ call, className, "data-testid": testId }: {
  call: Pick<CallView, "status" | "endedReason">;
  className?: string;
  "data-testid"?: string;
}) {
  const look = statusAppearance(call);
  return (
    <Badge
      tone={look.tone}
      className={className}
      data-testid={testId}
      data-status={call.status}
      icon={
        <span className="relative flex size-1.5">
          {look.pulse && <span className={cn("absolute inline-flex size-full animate-ping rounded-full opacity-60 [animation-duration:2s]", dotColour[look.tone])} />}
          <span className={cn("relative inline-flex size-1.5 rounded-full", dotColour[look.tone])} />
        </span>
      }
    >
      {look.label}
    </Badge>
  );
}
