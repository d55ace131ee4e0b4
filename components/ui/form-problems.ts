import { useState } from 'react';
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

/**
 * A form's problems as state, for a client form: those it finds before sending (`refuse`; `refuseForm` for one that
 * is about no one field), or what a failed request
 * said (`fail`), each linked to its field by `fieldIds` (field name → input id). `attempt` changes with every
 * refusal, so that the error summary takes focus again when the same problem comes back. `initialError` draws the
 * form refused from the start (a request that failed before it was drawn; the tests draw forms this way).
 */
export function useFormProblems(fieldIds: Record<string, string>, initialError?: unknown) {
  const [state, setState] = useState(() => ({
    problems: initialError === undefined ? NO_PROBLEMS : problemsFromError(initialError, fieldIds),
    attempt: 0,
  }));
  return {
    problems: state.problems,
    attempt: state.attempt,
    refuse: (fields: Record<string, string>) =>
      setState((previous) => ({ problems: problemsOf(fields, fieldIds), attempt: previous.attempt + 1 })),
    /** A problem with the form as a whole (no one field is wrong): in the summary only, linked to `fieldId`. */
    refuseForm: (message: string, fieldId?: string) =>
      setState((previous) => ({
        problems: { summary: [{ message, fieldId }], fields: {} },
        attempt: previous.attempt + 1,
      })),
    fail: (error: unknown) =>
      setState((previous) => ({
        problems: problemsFromError(error, fieldIds),
        attempt: previous.attempt + 1,
      })),
    clear: () => setState((previous) => ({ problems: NO_PROBLEMS, attempt: previous.attempt })),
  };
}
