import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type ImportUploadInput, type ImportUploadProgress, uploadImport } from '../import-upload';
import { importKeys } from '../query-keys';

/**
 * Uploads a file for import (or a dry run), with live progress; refreshes the history when it ends, whatever
 * the outcome (a rejected file is recorded too).
 */
export function useImportUpload() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<ImportUploadProgress | null>(null);
  const mutation = useMutation({
    mutationFn: (input: ImportUploadInput) => uploadImport(input, { onProgress: setProgress }),
    onMutate: () => setProgress(null),
    onSettled: () => queryClient.invalidateQueries({ queryKey: importKeys.all }),
  });
  return { ...mutation, progress };
}
