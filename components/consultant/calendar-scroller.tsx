'use client';

import { type ReactNode, useCallback, useLayoutEffect, useRef, useState } from 'react';

/** The space kept between a session cell and its details box, in pixels. */
const GAP = 6;

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

/**
 * Where a cell's details box goes, relative to the calendar's frame: under the cell, or over it when there is no
 * room under it in the window but there is above; lined up with the cell's left edge, kept inside the frame.
 */
export function detailsPosition(
  cell: Box,
  frame: Box,
  details: Pick<Box, 'width' | 'height'>,
  windowHeight: number,
) {
  const below = cell.top + cell.height + GAP;
  const above = cell.top - GAP - details.height;
  const fitsBelow = below + details.height <= windowHeight;
  const fitsAbove = above >= 0;
  const top = !fitsBelow && fitsAbove ? above : below;
  const left = Math.max(0, Math.min(cell.left, frame.left + frame.width - details.width) - frame.left);
  return { top: top - frame.top, left };
}

interface CalendarScrollerProps {
  /** Names the scrollable region for screen readers. */
  label: string;
  /** Changes when the weeks shown change (another period): the region then scrolls to the newest week again. */
  resetKey: string;
  children: ReactNode;
}

interface Edges {
  overflows: boolean;
  atStart: boolean;
  atEnd: boolean;
}

function cellOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('[data-details]') : null;
}

function boxOf(element: Element): Box {
  const rect = element.getBoundingClientRect();
  return { top: rect.top, left: rect.left, width: rect.width, height: rect.height };
}

/**
 * The calendar's sideways-scrolling frame. It opens on the newest weeks (the right-hand end), is focusable and named
 * so that keyboard users can scroll it with the arrow keys, says when there are earlier weeks out of sight and
 * shades the edge where the weeks run on. A session cell's details (its `data-title` and `data-details`) show in a box
 * outside the scrolling area, so that the box is never cut off and needs no room kept for it under the calendar.
 */
export function CalendarScroller({ label, resetKey, children }: CalendarScrollerProps) {
  const frameRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLElement>(null);
  const detailsRef = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState<Edges | null>(null);
  const [focused, setFocused] = useState<HTMLElement | null>(null);
  const [hovered, setHovered] = useState<HTMLElement | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const active = dismissed ? null : (hovered ?? focused);

  const measure = useCallback(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const end = scroller.scrollWidth - scroller.clientWidth;
    const next = {
      overflows: end > 1,
      atStart: scroller.scrollLeft <= 1,
      atEnd: scroller.scrollLeft >= end - 1,
    };
    // Scrolling calls this often: draw again only when an edge is reached or left.
    setEdges((previous) =>
      previous &&
      previous.overflows === next.overflows &&
      previous.atStart === next.atStart &&
      previous.atEnd === next.atEnd
        ? previous
        : next,
    );
  }, []);

  const place = useCallback(() => {
    const frame = frameRef.current;
    const details = detailsRef.current;
    if (!frame || !details || !active) return;
    const { top, left } = detailsPosition(
      boxOf(active),
      boxOf(frame),
      { width: details.offsetWidth, height: details.offsetHeight },
      window.innerHeight,
    );
    details.style.top = `${top}px`;
    details.style.left = `${left}px`;
  }, [active]);

  // Open on the newest weeks; measure again whenever the frame changes size.
  // biome-ignore lint/correctness/useExhaustiveDependencies: resetKey is the trigger to scroll to the end again.
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    scroller.scrollLeft = scroller.scrollWidth;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [measure, resetKey]);

  useLayoutEffect(() => {
    place();
    if (!active) return;
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [active, place]);

  const details = active ? readDetails(active) : null;
  return (
    <div>
      {/* Space is kept for the hint until the frame is measured, so that a year's calendar does not jump down. */}
      <p
        className={`mb-2 text-[0.875rem] text-nhs-dark-grey ${edges === null ? 'invisible' : edges.overflows ? '' : 'hidden'}`}
      >
        The newest weeks are at the right. Scroll sideways for earlier weeks (or focus the calendar and use
        the arrow keys).
      </p>
      <div ref={frameRef} className="relative">
        <section
          ref={scrollRef}
          aria-label={label}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
          tabIndex={0}
          data-scrolled={edges !== null && !edges.atStart ? 'true' : undefined}
          className="group/calendar max-w-full scroll-pl-24 overflow-x-auto"
          onScroll={() => {
            measure();
            place();
          }}
          onFocus={(event) => {
            setFocused(cellOf(event.target));
            setDismissed(false);
          }}
          onBlur={() => setFocused(null)}
          onPointerOver={(event) => {
            const cell = cellOf(event.target);
            if (cell !== hovered) setDismissed(false);
            setHovered(cell);
          }}
          onPointerLeave={() => setHovered(null)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setDismissed(true);
          }}
        >
          {children}
        </section>
        {edges !== null && !edges.atEnd && (
          <div
            aria-hidden="true"
            className="pointer-events-none absolute top-0 right-0 bottom-0 w-6 bg-gradient-to-l from-nhs-dark-grey/25 to-transparent"
          />
        )}
        {details && (
          <div
            ref={detailsRef}
            aria-hidden="true"
            className="pointer-events-none absolute z-20 w-72 max-w-full border-2 border-nhs-black bg-nhs-white p-2 text-left text-[1rem] text-nhs-black shadow-lg"
          >
            <span className="block font-bold">{details.title}</span>
            {details.lines.map((line) => (
              <span key={line} className="block">
                {line}
              </span>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}

function readDetails(cell: HTMLElement): { title: string; lines: string[] } {
  let lines: string[] = [];
  try {
    lines = JSON.parse(cell.dataset.details ?? '[]') as string[];
  } catch {
    lines = [];
  }
  return { title: cell.dataset.title ?? '', lines };
}
