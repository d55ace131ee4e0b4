/** A note about a figure, as the tile or chart showing that figure lists it. */
export interface FigureNote {
  id: number;
  text: string;
  author?: { name: string | null };
}

/** The notes' colour on the charts (NHS purple), with a text label so that colour is never the only cue. */
const NOTE_BORDER = 'border-[#330072]';

/**
 * The notes about one figure (its label, as the metric registry has it), listed in full beside it (the consultant's
 * tile or trend chart), marked "Note" in words and with a purple rule: readable without hovering and without colour;
 * the list is named "Notes about <figure>" for screen readers. Nothing when there are none.
 */
export function FigureNotes({ notes, figure }: { notes: readonly FigureNote[]; figure: string }) {
  if (notes.length === 0) return null;
  return (
    <div className={`mt-3 border-l-4 ${NOTE_BORDER} pl-3`} data-figure-notes>
      <p className="font-bold text-[#330072]" aria-hidden="true">
        {notes.length === 1 ? 'Note' : `${notes.length} notes`}
      </p>
      <ul aria-label={`Notes about ${figure}`}>
        {notes.map((note) => (
          <li key={note.id} className="whitespace-pre-line">
            {note.text}
            {note.author?.name && <span className="text-nhs-dark-grey"> ({note.author.name})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
