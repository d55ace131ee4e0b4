'use client';

import { type ReactNode, type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { SkipLink } from '@/components/shell/skip-link';
import type { AgendaView } from '@/lib/shared/review-agenda';
import { agendaScreens, type HeadlineChange } from './agenda-screens';
import { CloseMeetingButton } from './close-meeting-button';
import { NEXT_KEYS, PREVIOUS_KEYS, type PresenterMessage, presenterChannelName } from './presenter-notes';

interface MeetingPresenterProps {
  meetingId: number;
  title: string;
  periodLabel: string;
  agenda: AgendaView;
  /** Headline figures that later imports have changed since the snapshot, with their value now. */
  changes: HeadlineChange[];
  isAnonymised: boolean;
  /** The form to agree a new action, for those who may run the meeting while it is in progress. */
  newActionForm?: ReactNode;
  /** The page's heading (for screen readers: the slide carries its own titles). */
  heading?: ReactNode;
  /** In progress, or closed (when, in words); closing is offered to those who may run it. */
  status: { isClosed: boolean; closedOn: string | null; canClose: boolean };
  /** When its numbers were frozen, in words (UK time), for the printed pack. */
  frozenAt: string;
}

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
  newActionForm,
  heading,
  status,
  frozenAt,
}: MeetingPresenterProps) {
  const screens = agendaScreens(agenda, {
    newActions: newActionForm,
    changes,
  });
  const [index, setIndex] = useState(0);
  const [isFullScreen, setIsFullScreen] = useState(false);
  const stage = useRef<HTMLDivElement>(null);
  const fit = useSlideFit(stage);
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
      if (PREVIOUS_KEYS.has(event.key)) {
        event.preventDefault();
        move(-1);
      } else if (NEXT_KEYS.has(event.key)) {
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
  const query = isAnonymised ? '?anonymise=1' : '';
  // With the switch off, a reader who may not see colleagues named (a consultant) still sees them anonymised.
  const isAnonymisedForReader =
    !isAnonymised &&
    agenda.members.some((row) => row.member.kind === 'consultant' && row.member.isAnonymised);
  return (
    // The whole window, and nothing to scroll: a slim bar of controls, the slide as large as the window allows,
    // and the agenda's buttons. Printed, only the pack (every screen on its own page) is left.
    <div
      data-slide-canvas
      className="flex h-dvh flex-col overflow-hidden bg-nhs-pale-grey print:block print:h-auto print:overflow-visible print:bg-nhs-white"
    >
      <SkipLink />
      <header className="flex flex-wrap items-center gap-x-6 gap-y-2 bg-nhs-blue px-6 py-2 text-nhs-white print:hidden [&_a]:text-nhs-white">
        <p className="text-[1.1875rem] font-bold">
          {title} · {periodLabel}
        </p>
        <div className="ml-auto flex flex-wrap items-center gap-x-6 gap-y-2 text-base">
          {/* A full page load, not a client-side navigation: the named page (and its data) is left behind
              entirely, so nothing of it stays in the browser while the meeting is shown anonymised. */}
          <button
            type="button"
            aria-pressed={isAnonymised}
            onClick={() =>
              window.location.assign(
                isAnonymised ? `/reviews/${meetingId}` : `/reviews/${meetingId}?anonymise=1`,
              )
            }
            className="cursor-pointer rounded-[4px] border-2 border-nhs-white bg-nhs-white px-3 py-1 font-bold text-nhs-black"
          >
            Anonymise: {isAnonymised ? 'on' : 'off'}
          </button>
          {isAnonymisedForReader && (
            <p data-testid="anonymised-for-reader">Colleagues are not named for you</p>
          )}
          <a
            href={`/reviews/${meetingId}?notes=1${isAnonymised ? '&anonymise=1' : ''}`}
            target="fulfil-presenter-notes"
            rel="opener"
          >
            Presenter notes (second window)
          </a>
          <a href={`/api/reviews/${meetingId}/pack.xlsx${query}`}>Download the tables (XLSX)</a>
          <button type="button" onClick={() => window.print()} className="cursor-pointer underline">
            Print the pack (PDF)
          </button>
          {status.isClosed ? (
            <span className="font-bold">Closed{status.closedOn ? ` on ${status.closedOn}` : ''}</span>
          ) : (
            status.canClose && <CloseMeetingButton meetingId={meetingId} />
          )}
          <a href="/reviews">Leave the meeting</a>
        </div>
      </header>
      <main id="main-content" tabIndex={-1} className="flex min-h-0 flex-1 flex-col px-4 pt-3 print:hidden">
        {heading}
        {/* The slide is laid out on a 1920×1080 canvas and scaled to fit, so it looks the same in a window as on
            the projector in full screen, where its type is at full size (body 28 px). */}
        <div
          ref={stage}
          className={`relative min-h-0 flex-1 overflow-hidden ${isFullScreen ? 'bg-nhs-black' : ''}`}
        >
          <section
            className="absolute top-0 left-0 flex h-[1080px] w-[1920px] origin-top-left flex-col bg-nhs-white p-16 text-[1.75rem] leading-snug text-nhs-black"
            style={{ transform: `translate(${fit.left}px, ${fit.top}px) scale(${fit.scale})` }}
            aria-roledescription="slide"
            aria-label={`${screen.title} (${index + 1} of ${screens.length})`}
          >
            <header className="mb-8 border-b-4 border-nhs-blue pb-4">
              <p className="text-[1.5rem]">
                {title} · {periodLabel} · {index + 1}/{screens.length}
              </p>
              <h2 className="text-[3rem] leading-tight font-bold">{screen.title}</h2>
            </header>
            <div className="min-h-0 flex-1">{screen.render()}</div>
            {index === 0 && changes.length > 0 && (
              <p className="mt-4 text-[1.5rem]">
                The figures are those frozen when the meeting started; where later imports have changed one,
                its value now is shown under it.
              </p>
            )}
          </section>
        </div>
      </main>
      <nav aria-label="Agenda" className="px-4 py-2 print:hidden">
        <p className="sr-only">Use ← and → (or Page Up and Page Down) to move, F for full screen.</p>
        <ol className="flex flex-wrap items-center gap-2 text-base">
          {screens.map((item, position) => (
            <li key={item.id}>
              <button
                type="button"
                aria-current={position === index ? 'step' : undefined}
                aria-label={`${position + 1}. ${item.title}`}
                onClick={() => setIndex(position)}
                className={`cursor-pointer rounded-[4px] border-2 px-2 py-0.5 ${
                  position === index
                    ? 'border-nhs-black bg-nhs-black text-nhs-white'
                    : 'border-nhs-mid-grey bg-nhs-white'
                }`}
              >
                {position + 1}. {item.shortTitle}
              </button>
            </li>
          ))}
          <li aria-hidden="true" className="ml-auto text-nhs-dark-grey">
            ← → to move · F for full screen
          </li>
        </ol>
      </nav>
      {/* The meeting pack: every topic on its own landscape page when printed (or saved as PDF), none split. */}
      <div className="hidden print:block" data-testid="meeting-pack">
        <p className="px-8 pt-4">
          {title} · {periodLabel} · numbers frozen at {frozenAt}
          {isAnonymised ? ' · anonymised: consultants are not named' : ''}
        </p>
        {/* Drawn at three quarters of the slide's size, so that each topic fits a landscape A4 page. */}
        {agendaScreens(agenda, { isPaged: false }).map((item) => (
          <section key={item.id} className="break-after-page p-8 text-[1.25rem] text-nhs-black [zoom:0.75]">
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

const CANVAS = { width: 1920, height: 1080 };

/** The scale (and centring offsets) that fit the 1920×1080 slide into its frame, kept up to date as it resizes. */
function useSlideFit(frame: RefObject<HTMLDivElement | null>) {
  // Before the frame is measured: the size of a laptop's content column, so the first paint is close.
  const [fit, setFit] = useState({ scale: 0.7, left: 0, top: 0 });
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      const scale = Math.min(width / CANVAS.width, height / CANVAS.height);
      setFit({ scale, left: (width - CANVAS.width * scale) / 2, top: (height - CANVAS.height * scale) / 2 });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [frame]);
  return fit;
}
