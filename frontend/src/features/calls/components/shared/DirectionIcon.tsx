import { Globe, Phone, PhoneIncoming, PhoneOutgoing } from "lucide-react";
import type { CallDirection } from "@/lib/api-types";
import { directionLabel } from "../../model/direction";

export function DirectionIcon({ direction, className = "size-3.5" }: { direction: CallDirection | null; className?: string }) {
  const label = directionLabel(direction);
  const Icon = direction === "inbound" ? PhoneIncoming : direction === "outbound" ? PhoneOutgoing : direction === "web" ? Globe : Phone;
  return <Icon role="img" aria-label={label} className={className} />;
}
