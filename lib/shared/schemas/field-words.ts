/** A field of a request in the words of the form that sends it: its label, and what it expects. */
export interface FieldWords {
  /** The form's name for the field, e.g. "Week starting". */
  label: string;
  /** What to enter, said to a person, e.g. "enter a date as dd/mm/yyyy". */
  expected: string;
}
