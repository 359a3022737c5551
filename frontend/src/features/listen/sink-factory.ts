import { createContext } from "react";
import type { AudioSinkFactory } from "@/lib/listen/audio-sink";
import { createBrowserSink } from "@/lib/listen/browser-sink";

/** How a listen session gets its audio output: Web Audio in browsers; tests provide a fake. */
export const AudioSinkFactoryContext = createContext<AudioSinkFactory>(createBrowserSink);
