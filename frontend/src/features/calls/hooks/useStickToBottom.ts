import { useCallback, useLayoutEffect, useRef, useState } from "react";

/** Within this many pixels of the end counts as "at the bottom" (sub-pixel rounding, a half line). */
const SLACK_PX = 48;

/**
 * Keeps a scrolling list pinned to its newest item while the reader is at the bottom, and leaves it
 * alone once they scroll up to read (offering `jumpToLatest` instead). `contentKey` changes whenever
 * content is added.
 */
export function useStickToBottom<T extends HTMLElement>(contentKey: unknown) {
  const ref = useRef<T>(null);
  const pinned = useRef(true);
  const [atBottom, setAtBottom] = useState(true);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const near = el.scrollHeight - el.scrollTop - el.clientHeight <= SLACK_PX;
    pinned.current = near;
    setAtBottom(near);
  }, []);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [contentKey]);

  const jumpToLatest = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    pinned.current = true;
    setAtBottom(true);
    // Instant on purpose: a smooth scroll passes through "not at the bottom" and would unpin mid-way.
    el.scrollTop = el.scrollHeight;
  }, []);

  return { ref, onScroll, atBottom, jumpToLatest };
}
