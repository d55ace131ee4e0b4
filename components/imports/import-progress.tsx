import { formatNumber } from '@/components/format';
import { ProgressBar } from '@/components/ui/progress-bar';
import type { ImportUploadProgress } from '@/lib/client/import-upload';
import { formatFileSize } from './import-labels';

const PHASE_TEXT: Record<ImportUploadProgress['phase'], string> = {
  uploading: 'Sending the file…',
  reading: 'Reading and checking each row…',
  checking: 'Checking the rows against each other…',
  merging: 'Saving the changes…',
  finished: 'Finishing…',
};

/** Where a running import has got to: a bar for the file read so far, bytes, rows and the phase in words. */
export function ImportProgress({
  progress,
  isDryRun,
}: {
  progress: ImportUploadProgress | null;
  isDryRun: boolean;
}) {
  const phase = progress?.phase ?? 'uploading';
  const fileBytes = progress?.fileBytes ?? 0;
  const bytesDone = Math.max(
    progress?.bytesRead ?? 0,
    phase === 'uploading' ? (progress?.bytesSent ?? 0) : 0,
  );
  // Once the whole file is read, the work left (cross-row checks, the merge) cannot be measured: indeterminate.
  const isReading = phase === 'uploading' || phase === 'reading';
  const fraction = isReading && fileBytes > 0 ? Math.min(1, bytesDone / fileBytes) : undefined;
  const rows = progress?.rowsRead ?? 0;
  const detail = [
    `Sent ${formatFileSize(Math.min(progress?.bytesSent ?? 0, fileBytes))} of ${formatFileSize(fileBytes)}`,
    `read ${formatFileSize(Math.min(progress?.bytesRead ?? 0, fileBytes))}`,
    `${formatNumber(rows)} ${rows === 1 ? 'row' : 'rows'} read`,
  ].join(' · ');

  return (
    <section aria-labelledby="import-progress-heading" className="mb-6 max-w-3xl">
      <h3 id="import-progress-heading" className="mb-3 text-[1.375rem] font-bold">
        {isDryRun ? 'Checking the file' : 'Importing the file'}
      </h3>
      {/* Only the phase is announced: numbers changing several times a second would drown a screen reader. */}
      <p aria-live="polite" className="mb-2 font-bold">
        {PHASE_TEXT[phase]}
      </p>
      <ProgressBar
        label={isDryRun ? 'Check progress' : 'Import progress'}
        value={fraction}
        valueText={
          fraction === undefined ? PHASE_TEXT[phase] : `${Math.round(fraction * 100)}% of the file read`
        }
      />
      <p className="mt-2 text-nhs-dark-grey tabular-nums">{detail}</p>
    </section>
  );
}
