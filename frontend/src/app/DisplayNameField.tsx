import { UserRound } from "lucide-react";
import { useId } from "react";
import { DEFAULT_DISPLAY_NAME, MAX_DISPLAY_NAME, setDisplayName, useDisplayNameInput } from "@/lib/display-name";

/** "Your name": who the audit shows for this browser's listen sessions and actions. */
export function DisplayNameField() {
  const value = useDisplayNameInput();
  const id = useId();
  return (
    <div className="flex items-center gap-2" title="Shown in each call's timeline next to your listen sessions and actions">
      <label htmlFor={id} className="hidden text-xs font-medium text-slate-500 lg:block">
        Your name
      </label>
      <div className="relative">
        <UserRound aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-slate-400" />
        <input
          id={id}
          data-testid="display-name"
          aria-label="Your name"
          value={value}
          maxLength={MAX_DISPLAY_NAME}
          placeholder={DEFAULT_DISPLAY_NAME}
          onChange={(e) => setDisplayName(e.target.value)}
          onBlur={(e) => setDisplayName(e.target.value.trim())}
          className="h-8 w-36 rounded-lg border-0 bg-white py-0 pr-2 pl-8 text-sm text-slate-900 shadow-xs ring-1 ring-slate-300 ring-inset placeholder:text-slate-500 hover:ring-slate-400 focus:ring-2 focus:ring-blue-600 focus:outline-none"
        />
      </div>
    </div>
  );
}
