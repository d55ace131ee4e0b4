import { createElement, type FunctionComponent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, ApiValidationError } from '@/lib/client/api-client';
import { ActionEditor } from './action-editor';
import { ActionForm } from './action-form';
import { AnnotationForm } from './annotation-form';
import { ChallengeForm } from './challenge-form';
import { ResolveChallengeForm } from './resolve-challenge-form';

// The app router is not mounted outside Next; the forms only ask it to refresh after a save.
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => undefined }) }));

/** A 400 as the review APIs send it: the message, and each field's problem in words (lib/server/api/read-json-body). */
const refusal = (message: string, issues: { path: string; message: string }[]) =>
  new ApiValidationError(400, 'bad_request', message, issues);

const draw = <Props extends object>(form: FunctionComponent<Props>, props: Props) =>
  renderToStaticMarkup(createElement(form, props));

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The id of the control a label (exactly these words) is for. */
function controlOf(html: string, label: string): string {
  const id = new RegExp(`<label[^>]*for="([^"]+)"[^>]*>${escapeRegExp(label)}</label>`).exec(html)?.[1];
  if (!id) throw new Error(`No label “${label}”`);
  return id;
}

/**
 * The GOV.UK/NHS pattern: the summary at the top ("There is a problem", an alert) links the message to the field's
 * control; the same message stands beside the field, read out with the control, which is marked invalid.
 */
function expectProblemAt(html: string, label: string, message: string) {
  const id = controlOf(html, label);
  expect(html).toMatch(/<div[^>]*role="alert"[^>]*>.*There is a problem/);
  expect(html).toContain(`<a href="#${id}" class="text-nhs-red">${message}</a>`);
  expect(html).toContain(`id="${id}-error"><span class="sr-only">Error: </span>${message}</p>`);
  const control =
    new RegExp(`<(input|select|textarea)[^>]*id="${escapeRegExp(id)}"[^>]*>`).exec(html)?.[0] ?? '';
  expect(control).toContain('aria-invalid="true"');
  expect(control).toMatch(new RegExp(`aria-describedby="[^"]*${escapeRegExp(id)}-error`));
}

const CHOICES = {
  consultantId: 7,
  sessions: [],
  metrics: [{ id: 'fulfilmentNet', label: 'Session fulfilment (net)' }],
};

describe('the review forms show the server’s refusals in words, in the summary and beside each field', () => {
  it('a note: the session’s date and the note, each linked from the summary', () => {
    const html = draw(AnnotationForm, {
      ...CHOICES,
      initialError: refusal('The note could not be added. …', [
        { path: 'sessionDate', message: 'Date of the session: enter a date as dd/mm/yyyy' },
        { path: 'text', message: 'Note: write 2,000 characters or fewer' },
      ]),
    });
    expectProblemAt(html, 'Date of the session', 'Date of the session: enter a date as dd/mm/yyyy');
    expectProblemAt(html, 'Note', 'Note: write 2,000 characters or fewer');
    // The summary comes before the form, and no schema path is shown.
    expect(html.indexOf('There is a problem')).toBeLessThan(html.indexOf('<form'));
    expect(html).not.toContain('sessionDate:');
    expect(controlOf(html, 'Period')).not.toBe('');
    expect(html).not.toMatch(/<select[^>]*name="sessionPeriod"[^>]*aria-invalid/);
  });

  it('a challenge: its own field (what Fulfil shows) and the reason; a problem about the whole body unlinked', () => {
    const html = draw(ChallengeForm, {
      ...CHOICES,
      initialError: refusal('The challenge could not be sent. …', [
        { path: 'shownValue', message: 'What Fulfil shows: write 200 characters or fewer' },
        { path: 'reason', message: 'Why it is wrong: say what is wrong and what is right' },
        { path: '', message: '“colour” is not a field of this form' },
      ]),
    });
    expectProblemAt(html, 'What Fulfil shows (optional)', 'What Fulfil shows: write 200 characters or fewer');
    expectProblemAt(html, 'Why it is wrong', 'Why it is wrong: say what is wrong and what is right');
    expect(html).toContain('<li class="font-bold text-nhs-red">“colour” is not a field of this form</li>');
    // The hint is still read out with its field, before the error.
    const shown = controlOf(html, 'What Fulfil shows (optional)');
    expect(html).toContain(`aria-describedby="${shown}-hint ${shown}-error"`);
  });

  it('a new action: the due date and the owner', () => {
    const html = draw(ActionForm, {
      link: { specialtyId: 3 },
      owners: [{ userId: 5, name: 'Dr Ada Able', role: 'Consultant' }],
      initialError: new ApiValidationError(400, 'bad_request', 'The due date is in the past.', [
        { path: 'dueOn', message: 'Due date: enter today or a later date' },
        { path: 'ownerUserId', message: 'Owner: choose someone from the list' },
      ]),
    });
    expectProblemAt(html, 'Due', 'Due date: enter today or a later date');
    expectProblemAt(html, 'Owner', 'Owner: choose someone from the list');
    expect(html).not.toMatch(/<input[^>]*name="title"[^>]*aria-invalid/);
  });

  it('a change to an action: the status and the note', () => {
    const html = draw(ActionEditor, {
      action: { id: 4, status: 'open', dueOn: null, owner: { userId: 5, name: 'Dr Ada Able' } },
      initialError: refusal('The action could not be changed. …', [
        { path: 'status', message: 'Status: choose open, in progress, done or dropped' },
        { path: 'note', message: 'Note: write 2,000 characters or fewer' },
      ]),
    });
    expectProblemAt(html, 'Status', 'Status: choose open, in progress, done or dropped');
    expectProblemAt(html, 'Note', 'Note: write 2,000 characters or fewer');
  });

  it('a resolution: the finding (linked to its first choice) and the note, whichever the finding names it', () => {
    const html = draw(ResolveChallengeForm, {
      challengeId: 9,
      initialError: refusal('The challenge could not be resolved. …', [
        { path: 'status', message: 'Resolve the challenge: choose accepted or explained' },
        { path: 'correctionNote', message: 'The correction made: say what was corrected in the source data' },
      ]),
    });
    const accepted = controlOf(html, 'Accepted: the data was wrong and has been corrected');
    expect(html).toContain(
      `<a href="#${accepted}" class="text-nhs-red">Resolve the challenge: choose accepted or explained</a>`,
    );
    expect(html).toMatch(
      /<legend[^>]*>Resolve the challenge<\/legend><p[^>]*>.*choose accepted or explained<\/p>/,
    );
    expectProblemAt(
      html,
      'The correction made, or the explanation',
      'The correction made: say what was corrected in the source data',
    );
  });

  it('says a refusal without fields once, in the summary, and a request that never arrived in words', () => {
    const notFound = draw(AnnotationForm, {
      ...CHOICES,
      initialError: new ApiError(404, 'not_found', 'No consultant 7.'),
    });
    expect(notFound).toContain('<li class="font-bold text-nhs-red">No consultant 7.</li>');
    expect(notFound).not.toContain('aria-invalid');
    const offline = draw(ActionForm, {
      link: { meetingId: 3 },
      initialError: new TypeError('Failed to fetch'),
    });
    expect(offline).toContain('The request could not be sent. Check your connection and try again.');
    expect(offline).not.toContain('Failed to fetch');
  });

  it('shows no summary until something is refused', () => {
    for (const html of [
      draw(AnnotationForm, CHOICES),
      draw(ChallengeForm, CHOICES),
      draw(ActionForm, { link: { meetingId: 3 } }),
      draw(ResolveChallengeForm, { challengeId: 9 }),
    ]) {
      expect(html).not.toContain('There is a problem');
      expect(html).not.toContain('aria-invalid');
    }
  });
});
