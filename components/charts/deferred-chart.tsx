'use client';

import { type ReactNode, useEffect, useRef, useState } from 'react';

type IdleWindow = Window & {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/**
 * Draws a chart once it comes near the viewport, or when the browser is next idle, whichever is first: a page's
 * other charts then do not hold up its main chart (recharts draws only in the browser, and each chart costs tens
 * of milliseconds on a slow laptop). Until then an empty box of the chart's height keeps the layout still.
 */
export function DeferredChart({
  height,
  children,
  placeholder,
  isUrgent = false,
}: {
  height: number;
  children: ReactNode;
  /** Shown until the chart is drawn (by default an empty box of its height). */
  placeholder?: ReactNode;
  /** Draw as soon as the page is interactive (a main chart whose placeholder is already on screen). */
  isUrgent?: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [isDrawn, setIsDrawn] = useState(false);
  useEffect(() => {
    if (isDrawn) return;
    const draw = () => setIsDrawn(true);
    if (isUrgent) {
      draw();
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) draw();
      },
      { rootMargin: '200px' },
    );
    if (box.current) observer.observe(box.current);
    const idleWindow = window as IdleWindow;
    const idle = idleWindow.requestIdleCallback
      ? idleWindow.requestIdleCallback(draw, { timeout: 3_000 })
      : window.setTimeout(draw, 1_000);
    return () => {
      observer.disconnect();
      if (idleWindow.cancelIdleCallback) idleWindow.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, [isDrawn, isUrgent]);
  return (
    <div ref={box} style={isDrawn || placeholder ? undefined : { height }}>
      {isDrawn ? children : (placeholder ?? null)}
    </div>
  );
}
