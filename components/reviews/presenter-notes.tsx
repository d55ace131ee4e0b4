'use client';

import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { AgendaView } from '@/lib/shared/review-agenda';
import { agendaScreens } from './agenda-screens';
import { screenNotes } from './screen-notes';

/** The channel the projected meeting and its presenter notes talk on (same browser, same origin). */
export const presenterChannelName = (meetingId: number) => `fulfil-review-${meetingId}`;

export type PresenterMessage = { type: 'screen'; index: number } | { type: 'move'; step: number };

/** Keys that move between screens: ←/→ and PageUp/PageDown (what presenters' clickers send). */
export const PREVIOUS_KEYS = new Set(['ArrowLeft', 'PageUp']);
export const NEXT_KEYS = new Set(['ArrowRight', 'PageDown']);

/**
 * Presenter notes for a second window: the current screen's points and what comes next, following the projected
 * meeting (and able to move it) through a BroadcastChannel.
 */
export function PresenterNotes({ meetingId, agenda }: { meetingId: number; agenda: AgendaView }) {
  const screens = agendaScreens(agenda);
  const notes = screenNotes(agenda);
  const [index, setIndex] = useState(0);
  const channel = useRef<BroadcastChannel | null>(null);

  useEffect(() => {
    const opened = new BroadcastChannel(presenterChannelName(meetingId));
    opened.onmessage = (event: MessageEvent<PresenterMessage>) => {
      if (event.data.type === 'screen') setIndex(event.data.index);
    };
    channel.current = opened;
    return () => opened.close();
  }, [meetingId]);

  const move = (step: number) =>
    channel.current?.postMessage({ type: 'move', step } satisfies PresenterMessage);

  // A clicker sends its keys to the window in front, which may be this one: they move the projected meeting too.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const step = PREVIOUS_KEYS.has(event.key) ? -1 : NEXT_KEYS.has(event.key) ? 1 : 0;
      if (step === 0) return;
      event.preventDefault();
      channel.current?.postMessage({ type: 'move', step } satisfies PresenterMessage);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const screen = screens[index];
  const next = screens[index + 1];
  return (
    <div className="text-[1.5rem]">
      <h2 className="mb-2 text-[2rem] font-bold">
        {index + 1}/{screens.length}: {screen?.title}
      </h2>
      <ul className="mb-6 list-disc pl-8">
        {(notes[screen?.topic ?? ''] ?? []).map((point) => (
          <li key={point} className="mb-2">
            {point}
          </li>
        ))}
      </ul>
      <p className="mb-6">Next: {next ? next.title : 'the end of the agenda'}</p>
      <div className="flex gap-4">
        <Button onClick={() => move(-1)}>Previous screen</Button>
        <Button onClick={() => move(1)}>Next screen</Button>
      </div>
    </div>
  );
}
