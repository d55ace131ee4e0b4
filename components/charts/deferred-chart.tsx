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
export function DeferredChart({ height, children }: { height: number; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [isDrawn, setIsDrawn] = useState(false);
  useEffect(() => {
    if (isDrawn) return;
    const draw = () => setIsDrawn(true);
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
  }, [isDrawn]);
  return (
    <div ref={box} style={isDrawn ? undefined : { height }}>
      {isDrawn ? children : null}
    </div>
  );
}
