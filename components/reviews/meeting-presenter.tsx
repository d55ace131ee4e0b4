'use client';

import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgendaView } from '@/lib/shared/review-agenda';
import { agendaScreens } from './agenda-screens';
import { NewActionForm } from './new-action-form';
import { type PresenterMessage, presenterChannelName } from './presenter-notes';

interface MeetingPresenterProps {
  meetingId: number;
  title: string;
  periodLabel: string;
  agenda: AgendaView;
  /** Headline figures that have changed since the snapshot (shown on the first screen). */
  changes: { metricId: string; label: string }[];
  isAnonymised: boolean;
  canAddActions: boolean;
}

/** Keys that move between screens: ←/→ and PageUp/PageDown (clickers send these), Home/End. */
const PREVIOUS = new Set(['ArrowLeft', 'PageUp']);
const NEXT = new Set(['ArrowRight', 'PageDown']);

/**
 * The meeting on a projector: one topic per 16:9 screen, moved through with the keyboard (or a presenter's
 * clicker), F for full screen, and the anonymise switch (the server leaves every name out when it is on).
 */
export function MeetingPresenter({
  meetingId,
  title,
  periodLabel,
  agenda,
  changes,
  isAnonymised,
  canAddActions,
}: MeetingPresenterProps) {
  const screens = agendaScreens(agenda, {
    newActions: canAddActions ? <NewActionForm meetingId={meetingId} /> : undefined,
  });
  const [index, setIndex] = useState(0);
  const [isFullScreen, setIsFullScreen] = useState(false);
  const stage = useRef<HTMLElement>(null);
  const move = useCallback(
    (step: number) => setIndex((current) => Math.min(screens.length - 1, Math.max(0, current + step))),
    [screens.length],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      // Typing in the new-action form must not turn the page.
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (PREVIOUS.has(event.key)) {
        event.preventDefault();
        move(-1);
      } else if (NEXT.has(event.key)) {
        event.preventDefault();
        move(1);
      } else if (event.key === 'Home') {
        setIndex(0);
      } else if (event.key === 'End') {
        setIndex(screens.length - 1);
      } else if (event.key === 'f' || event.key === 'F') {
        if (document.fullscreenElement) void document.exitFullscreen();
        else void stage.current?.requestFullscreen();
      }
    };
    const onFullScreen = () => setIsFullScreen(document.fullscreenElement !== null);
    window.addEventListener('keydown', onKey);
    document.addEventListener('fullscreenchange', onFullScreen);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onFullScreen);
    };
  }, [move, screens.length]);

  // Presenter notes in another window follow the screen shown here, and can move it.
  const channel = useRef<BroadcastChannel | null>(null);
  useEffect(() => {
    const opened = new BroadcastChannel(presenterChannelName(meetingId));
    opened.onmessage = (event: MessageEvent<PresenterMessage>) => {
      if (event.data.type === 'move') move(event.data.step);
    };
    channel.current = opened;
    return () => opened.close();
  }, [meetingId, move]);
  useEffect(() => {
    channel.current?.postMessage({ type: 'screen', index } satisfies PresenterMessage);
  }, [index]);

  const screen = screens[index] ?? screens[0];
  if (!screen) return null;
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center gap-6 text-[1.1875rem] print:hidden">
        <Link
          href={isAnonymised ? `/reviews/${meetingId}` : `/reviews/${meetingId}?anonymise=1`}
          aria-pressed={isAnonymised}
          role="button"
          className="rounded-[4px] border-2 border-nhs-black bg-nhs-white px-4 py-2 font-bold text-nhs-black no-underline"
        >
          Anonymise: {isAnonymised ? 'on' : 'off'}
        </Link>
        <p>Use ← and → (or Page Up and Page Down) to move, F for full screen.</p>
        <a
          href={`/reviews/${meetingId}?notes=1${isAnonymised ? '&anonymise=1' : ''}`}
          target="fulfil-presenter-notes"
          rel="opener"
        >
          Presenter notes (second window)
        </a>
        <a href={`/api/reviews/${meetingId}/pack.xlsx${isAnonymised ? '?anonymise=1' : ''}`}>
          Download the tables (XLSX)
        </a>
        <button
          type="button"
          onClick={() => window.print()}
          className="cursor-pointer text-nhs-blue underline"
        >
          Print the pack (PDF)
        </button>
      </div>
      <section
        ref={stage}
        className={`flex flex-col bg-nhs-white p-12 text-[1.5rem] leading-snug text-nhs-black print:hidden ${
          isFullScreen ? 'h-screen w-screen' : 'aspect-video w-full overflow-hidden'
        }`}
        aria-roledescription="slide"
        aria-label={`${screen.title} (${index + 1} of ${screens.length})`}
      >
        <header className="mb-8 flex items-baseline justify-between gap-8 border-b-4 border-nhs-blue pb-4">
          <h2 className="text-[2.75rem] leading-tight font-bold">{screen.title}</h2>
          <p className="shrink-0 text-[1.5rem]">
            {title} · {periodLabel} · {index + 1}/{screens.length}
          </p>
        </header>
        <div className="min-h-0 flex-1">{screen.render()}</div>
        {index === 0 && changes.length > 0 && (
          <p className="mt-4 text-[1.5rem]">
            Since this meeting’s numbers were frozen, later imports have changed:{' '}
            {changes.map((change) => change.label).join(', ')}. The figures shown are those frozen.
          </p>
        )}
      </section>
      <nav aria-label="Agenda" className="mt-6 print:hidden">
        <ol className="flex flex-wrap gap-3 text-[1.1875rem]">
          {screens.map((item, position) => (
            <li key={item.id}>
              <button
                type="button"
                aria-current={position === index ? 'step' : undefined}
                onClick={() => setIndex(position)}
                className={`cursor-pointer rounded-[4px] border-2 px-3 py-1 ${
                  position === index
                    ? 'border-nhs-black bg-nhs-black text-nhs-white'
                    : 'border-nhs-mid-grey bg-nhs-white'
                }`}
              >
                {position + 1}. {item.title}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      {/* The meeting pack: every screen on its own landscape page when printed (or saved as PDF). */}
      <div className="hidden print:block">
        {screens.map((item) => (
          <section key={item.id} className="break-after-page p-8 text-[1.25rem] text-nhs-black">
            <h2 className="mb-6 text-[2rem] font-bold">
              {title} · {periodLabel}: {item.title}
            </h2>
            {item.render()}
          </section>
        ))}
      </div>
    </div>
  );
}
