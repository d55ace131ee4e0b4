import { formatNumber } from '@/components/format';
import type { StatusTone } from '@/components/ui/status-dot';
import type { FieldType } from '@/lib/shared/import-formats';
import type { ImportBatchStatus } from '@/lib/shared/schemas/imports';

/** Import statuses in words: a short label and what it means for the reader. */
export const IMPORT_STATUS_TEXT: Record<
  ImportBatchStatus,
  { label: string; meaning: string; tone: StatusTone }
> = {
  committed: { label: 'Committed', meaning: 'The file was imported.', tone: 'positive' },
  unchanged: {
    label: 'Unchanged',
    meaning: 'The file holds the same data as before: nothing needed to change.',
    tone: 'positive',
  },
  'dry-run': {
    label: 'Checked only (dry run)',
    meaning: 'The file was checked as if imported; no data was changed.',
    tone: 'positive',
  },
  rejected: {
    label: 'Rejected',
    meaning: 'Nothing was imported. Correct the rows listed below and import the file again.',
    tone: 'negative',
  },
  running: { label: 'Running', meaning: 'The import has not finished yet.', tone: 'pending' },
  failed: {
    label: 'Failed',
    meaning: 'The import stopped with an error; nothing was imported.',
    tone: 'negative',
  },
};

/** A column's type in words, for the formats page. */
export function describeFieldType(type: FieldType): string {
  switch (type.kind) {
    case 'date':
      return 'Date: YYYY-MM-DD or dd/mm/yyyy';
    case 'time':
      return 'Time of day: HH:MM, 24-hour';
    case 'count':
      return 'Whole number, 0 or more';
    case 'decimal':
      return 'Number, 0 or more (decimals allowed)';
    case 'gmc':
      return 'GMC number: 7 digits';
    case 'yesno':
      return 'Y or N';
    case 'oneOf':
      return `One of: ${type.values.join(', ')}`;
    case 'text':
      return `Text, up to ${formatNumber(type.maxLength)} characters`;
    case 'code':
      return `Code, up to ${formatNumber(type.maxLength)} characters (letters, digits, - _ . / :)`;
  }
}

/** 850 → "0.9 seconds"; 75,000 → "1 minute 15 seconds". */
export function formatDuration(milliseconds: number): string {
  if (milliseconds < 60_000) {
    const seconds = milliseconds / 1000;
    const text = seconds < 10 ? seconds.toFixed(1) : String(Math.round(seconds));
    return `${text} ${text === '1.0' ? 'second' : 'seconds'}`;
  }
  const minutes = Math.floor(milliseconds / 60_000);
  const seconds = Math.round((milliseconds % 60_000) / 1000);
  const minuteText = `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  return seconds === 0 ? minuteText : `${minuteText} ${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
}

/** 1,572,864 → "1.5 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${formatNumber(bytes)} bytes`;
}
