'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { SecondaryButton } from '@/components/ui/secondary-button';
import { toApiError } from '@/lib/client/api-client';

/** Deletes one of the caller's own notes (the API refuses anyone else's). */
export function AnnotationDeleteButton({ annotationId, about }: { annotationId: number; about: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isDeleting, setIsDeleting] = useState(false);

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
      <SecondaryButton onClick={onDelete} disabled={isDeleting} className="mt-2">
        {isDeleting ? (
          'Deleting…'
        ) : (
          <>
            Delete<span className="sr-only"> the note about {about}</span>
          </>
        )}
      </SecondaryButton>
      {error && (
        <p role="alert" className="mt-2 font-bold text-nhs-red">
          {error}
        </p>
      )}
    </>
  );
}
