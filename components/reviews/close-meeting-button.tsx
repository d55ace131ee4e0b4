'use client';

import { useState } from 'react';
import { sendJson } from '@/lib/client/api-client';

/**
 * Closes the meeting, after a second press that says what closing means (no more actions agreed in it; its
 * numbers stay frozen). Then the page loads afresh, without the new-action form.
 */
export function CloseMeetingButton({ meetingId }: { meetingId: number }) {
  const [isAsking, setIsAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isClosing, setIsClosing] = useState(false);
  const buttonClass = 'cursor-pointer rounded-[4px] border-2 border-nhs-white px-3 py-1 font-bold';

  async function close() {
    setIsClosing(true);
    setError(null);
    try {
      await sendJson('POST', `/api/reviews/${meetingId}/close`, {});
      window.location.reload();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The meeting could not be closed.');
      setIsClosing(false);
    }
  }

  if (!isAsking)
    return (
      <button type="button" className={buttonClass} onClick={() => setIsAsking(true)}>
        Close the meeting
      </button>
    );
  return (
    <fieldset className="flex flex-wrap items-center gap-3">
      <legend className="sr-only">Close the meeting?</legend>
      <span>No more actions can be agreed in it once closed.</span>
      <button
        type="button"
        className={`${buttonClass} bg-nhs-white text-nhs-black`}
        disabled={isClosing}
        onClick={close}
      >
        {isClosing ? 'Closing…' : 'Yes, close it'}
      </button>
      <button type="button" className={buttonClass} onClick={() => setIsAsking(false)}>
        Cancel
      </button>
      {error && (
        <span role="alert" className="bg-nhs-white px-2 font-bold text-nhs-red">
          {error}
        </span>
      )}
    </fieldset>
  );
}
