import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { AnnotationItem, checkNoteEdit } from './annotation-item';

// The app router is not mounted outside Next; the item only asks it to refresh after a change.
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => undefined }) }));

const render = (props: Partial<Parameters<typeof AnnotationItem>[0]> = {}) =>
  renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(AnnotationItem, {
        annotationId: 7,
        about: 'Session Mon 02/03/2026, AM',
        text: 'List cancelled: no beds.',
        visibility: 'shared',
        byline: 'Dr Ada Able, 03/03/2026, 09:15',
        isOwn: true,
        ...props,
      }),
    ),
  );

describe('editing a note', () => {
  const original = { text: 'List cancelled: no beds.', visibility: 'shared' as const };

  it('sends only what changed, and nothing when nothing did', () => {
    expect(
      checkNoteEdit(original, { text: '  List cancelled: no beds (ward closed).  ', visibility: 'shared' }),
    ).toEqual({ change: { text: 'List cancelled: no beds (ward closed).' } });
    expect(checkNoteEdit(original, { text: original.text, visibility: 'private' })).toEqual({
      change: { visibility: 'private' },
    });
    expect(checkNoteEdit(original, { text: ` ${original.text}\n`, visibility: 'shared' })).toEqual({
      isUnchanged: true,
    });
  });

  it('says what is wrong with an empty or overlong note', () => {
    expect(checkNoteEdit(original, { text: '   ', visibility: 'shared' })).toEqual({
      problem: 'Write the note.',
    });
    expect(checkNoteEdit(original, { text: 'x'.repeat(2001), visibility: 'shared' })).toEqual({
      problem: 'The note must be 2,000 characters or fewer.',
    });
  });

  it('offers its author Edit and Delete, each named by what the note is about', () => {
    const html = render();
    expect(html).toContain('List cancelled: no beds.');
    expect(html).toMatch(
      /<button[^>]*>Edit<span class="sr-only"> the note about Session Mon 02\/03\/2026, AM<\/span>/,
    );
    expect(html).toMatch(/Delete<span class="sr-only"> the note about Session Mon 02\/03\/2026, AM<\/span>/);
    expect(html).toContain('role="status"');
  });

  it('offers no change to a note someone else wrote, and says when a note is private', () => {
    const html = render({ isOwn: false });
    expect(html).toContain('List cancelled: no beds.');
    expect(html).not.toContain('Edit');
    expect(html).not.toContain('Delete');
    expect(render({ visibility: 'private' })).toContain('only you can read this note');
  });
});
