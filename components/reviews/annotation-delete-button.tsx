'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { SecondaryButton } from '@/components/ui/secondary-button';
import { toApiError } from '@/lib/client/api-client';

/** Deletes one of the caller's own notes, after a second press (the API refuses anyone else's). */
export function AnnotationDeleteButton({ annotationId, about }: { annotationId: number; about: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isDeleting, setIsDeleting] = useState(false);
  const [isAsking, setIsAsking] = useState(false);

  async function onDelete() {
    setIsDeleting(true);
    setError(null);
    try {
      const response = await fetch(`/api/annotations/${annotationId}`, {
        method: 'DELETE',
        credentials: 'same-origin',
      });
      if (!response.ok) throw await toApiError(response);
      router.refresh();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The note could not be deleted.');
      setIsDeleting(false);
    }
  }

  return (
    <>
      {isAsking ? (
        // A second press, because a deleted note cannot be brought back.
        <span className="mt-2 flex flex-wrap items-center gap-3">
          <span>Delete this note for good?</span>
          <SecondaryButton onClick={onDelete} disabled={isDeleting}>
            {isDeleting ? (
              'Deleting…'
            ) : (
              <>
                Yes, delete it<span className="sr-only"> (the note about {about})</span>
              </>
            )}
          </SecondaryButton>
          <SecondaryButton onClick={() => setIsAsking(false)} disabled={isDeleting}>
            Keep it
          </SecondaryButton>
        </span>
      ) : (
        <SecondaryButton onClick={() => setIsAsking(true)} className="mt-2">
          Delete<span className="sr-only"> the note about {about}</span>
        </SecondaryButton>
      )}
      {error && (
        <p role="alert" className="mt-2 font-bold text-nhs-red">
          {error}
        </p>
      )}
    </>
  );
}
