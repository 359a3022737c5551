import { ExternalLink } from "lucide-react";
import { Section } from "@/components/ui/Card";
import type { CallView } from "@/lib/api-types";

/** Only http(s) links from the provider become playable or clickable; anything else is not a link. */
function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

export function Recording({ call }: { call: CallView }) {
  const mono = safeUrl(call.recordingUrl);
  const stereo = safeUrl(call.stereoRecordingUrl);
  if (!mono && !stereo) return null;
  return (
    <Section title="Recording">
      {mono && <audio data-testid="recording" controls preload="none" src={mono} className="h-10 w-full" />}
      {stereo && (
        <a href={stereo} target="_blank" rel="noreferrer noopener" className="inline-flex items-center gap-1.5 text-sm font-medium text-blue-700 hover:text-blue-800 hover:underline">
          <ExternalLink aria-hidden className="size-3.5" />
          Stereo recording (caller and assistant on separate channels)
        </a>
      )}
    </Section>
  );
}
