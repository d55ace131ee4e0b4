import type { FieldWords } from './field-words';

/*
 * The fields of the review requests in the words of the forms that send them: the label a person sees and what
 * the field expects. The API's refusals name fields this way ("Week starting: enter a date as dd/mm/yyyy"), so
 * that the forms can show them as they are, beside the field and in the error summary. The dates a person types
 * are read as dd/mm/yyyy by the browser's date field, which sends them as yyyy-mm-dd.
 */

type FieldWordsOf<Keys extends string> = Readonly<Record<Keys, FieldWords>>;

const DATE = 'enter a date as dd/mm/yyyy';

/** Where a note or a challenge points: a session, a week or a figure of one consultant. */
const DATA_POINT_FIELDS = {
  consultantId: { label: 'Consultant', expected: 'give the consultant’s number in Fulfil (a whole number)' },
  sessionDate: { label: 'Date of the session', expected: DATE },
  sessionPeriod: {
    label: 'Period',
    expected: 'choose the whole day, morning (AM), afternoon (PM) or evening (EVE)',
  },
  weekStart: { label: 'Week starting', expected: DATE },
  metricId: { label: 'Figure', expected: 'choose a figure from the definitions' },
} satisfies FieldWordsOf<string>;

export const ANNOTATION_FIELDS = {
  ...DATA_POINT_FIELDS,
  text: { label: 'Note', expected: 'write the note' },
  visibility: { label: 'Who can read it', expected: 'choose shared or only me' },
} satisfies FieldWordsOf<string>;

export const CHALLENGE_FIELDS = {
  ...DATA_POINT_FIELDS,
  shownValue: { label: 'What Fulfil shows', expected: 'write what Fulfil shows, or leave it empty' },
  reason: { label: 'Why it is wrong', expected: 'say what is wrong and what is right' },
} satisfies FieldWordsOf<string>;

export const RESOLVE_CHALLENGE_FIELDS = {
  status: { label: 'Resolve the challenge', expected: 'choose accepted or explained' },
  correctionNote: { label: 'The correction made', expected: 'say what was corrected in the source data' },
  resolution: { label: 'The explanation', expected: 'explain why the data stands' },
} satisfies FieldWordsOf<string>;

const UNIT = 'choose one you may see named';

export const ACTION_FIELDS = {
  title: { label: 'Action', expected: 'write what the action is' },
  ownerUserId: { label: 'Owner', expected: 'choose someone from the list' },
  dueOn: { label: 'Due date', expected: DATE },
  status: { label: 'Status', expected: 'choose open, in progress, done or dropped' },
  meetingId: { label: 'Meeting', expected: 'choose a meeting you may run' },
  divisionId: { label: 'Division', expected: UNIT },
  specialtyId: { label: 'Specialty', expected: UNIT },
  consultantId: { label: 'About', expected: 'choose the whole unit or one of its consultants' },
  metricId: { label: 'Figure it addresses', expected: 'choose a figure from the definitions' },
  note: { label: 'Note', expected: 'write the note, or leave it empty' },
} satisfies FieldWordsOf<string>;
