import { ApiError, ApiValidationError } from '@/lib/client/api-client';
import type { Problem } from './error-summary';

/** A form's problems: the summary's lines, and each field's message by field name. */
export interface FormProblems {
  summary: Problem[];
  fields: Record<string, string>;
}

export const NO_PROBLEMS: FormProblems = { summary: [], fields: {} };

/**
 * Field problems found before sending (`fields`: name → message), as the summary and field messages.
 * `fieldIds` maps a field name to its input's id.
 */
export function problemsOf(fields: Record<string, string>, fieldIds: Record<string, string>): FormProblems {
  return {
    summary: Object.entries(fields).map(([field, message]) => ({ message, fieldId: fieldIds[field] })),
    fields,
  };
}

/**
 * What a failed request means for a form: the API's field issues against their fields (their path's first part
 * names the field), anything else as one line in the summary.
 */
export function problemsFromError(error: unknown, fieldIds: Record<string, string>): FormProblems {
  if (error instanceof ApiValidationError && error.issues.length > 0) {
    const fields: Record<string, string> = {};
    const summary: Problem[] = [];
    for (const issue of error.issues) {
      const field = issue.path.split('.')[0] ?? '';
      const fieldId = fieldIds[field];
      if (fieldId && !(field in fields)) fields[field] = issue.message;
      summary.push({ message: issue.message, fieldId });
    }
    return { summary, fields };
  }
  if (error instanceof ApiError) return { summary: [{ message: error.message }], fields: {} };
  return {
    summary: [{ message: 'The request could not be sent. Check your connection and try again.' }],
    fields: {},
  };
}
