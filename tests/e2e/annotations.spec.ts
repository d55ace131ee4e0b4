import { type Browser, expect, type Page, test } from '@playwright/test';
import { expectNoSeriousViolations } from './accessibility';
import { getDemoUser, type SignInRole, signInAs } from './sign-in';

/*
 * Notes and challenges where the data is (issue 7, point 2): the consultant notes a session and challenges another
 * on their own page; an administrator resolves the challenge in the queue; the consultant reads the outcome; the
 * lead of the specialty reads the shared note; a consultant of another specialty reads neither. The consultant notes
 * a figure (shown on its tile and under its chart) and edits the note with the keyboard; their lead challenges one
 * of their sessions and the consultant reads it, read-only, with who raised it.
 */

async function pageAs(browser: Browser, role: SignInRole): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  await signInAs(page, role);
  return page;
}

/** The only consultant a consultant user sees named: themselves, [name, id]. */
async function ownConsultant(page: Page): Promise<[string, number]> {
  await page.goto('/consultants');
  await expect(page.getByRole('heading', { level: 1, name: 'Consultants' })).toBeVisible();
  const link = page.locator('table a[href^="/consultants/"]').first();
  const href = (await link.getAttribute('href')) as string;
  return [((await link.textContent()) ?? '').trim(), Number(href.split('/').pop())];
}

test('a consultant notes a session and challenges one; an admin resolves it; only those who may, read them', async ({
  browser,
}) => {
  // A year of sessions on the consultant page, under the accessibility checks, for four users.
  test.slow();
  const stamp = Date.now().toString(36);
  const noteText = `Covering the ward for a colleague ${stamp}`;
  const reason = `This list was held in theatre 3 ${stamp}`;
  const correction = `Theatre extract corrected for the list ${stamp}`;

  const consultant = await pageAs(browser, 'consultant');
  const [name, id] = await ownConsultant(consultant);
  await consultant.goto(`/consultants/${id}`);
  await expect(consultant.getByRole('heading', { level: 1, name })).toBeVisible();
  const notes = consultant.getByRole('region', { name: 'Notes and challenges' });
  await expect(notes).toBeVisible();

  // A note about one of the lost sessions, shared: its row in the lost sessions table opens the form with it chosen.
  const lostLink = consultant
    .getByRole('region', { name: /Lost sessions/ })
    .getByRole('link', { name: /^Note or challenge/ })
    .first();
  const picked = (await lostLink.getAttribute('data-note-session')) as string;
  expect(picked).toMatch(/^\d{4}-\d{2}-\d{2}\|(AM|PM|EVE)$/);
  await lostLink.click();
  const noteForm = notes.getByRole('form', { name: 'Add a note' });
  const sessionPicker = noteForm.getByLabel('Session', { exact: true });
  await expect(sessionPicker).toBeFocused();
  await expect(sessionPicker).toHaveValue(picked);
  // Another session needs its date.
  await sessionPicker.selectOption('other');
  await noteForm.getByRole('button', { name: 'Add the note' }).click();
  await expect(noteForm.getByText('Enter the date of the session.')).toBeVisible();
  await sessionPicker.selectOption(picked);
  const sessionDay = picked.slice(0, 10).split('-').reverse().join('/');
  await noteForm.getByLabel('Note', { exact: true }).fill(noteText);
  await noteForm.getByRole('button', { name: 'Add the note' }).click();
  await expect(notes.getByRole('status').filter({ hasText: 'Your note has been added.' })).toBeVisible();
  const noteItem = notes
    .getByRole('list', { name: 'Notes', exact: true })
    .getByRole('listitem')
    .filter({ hasText: noteText });
  await expect(noteItem).toContainText(`Session`);
  await expect(noteItem).toContainText(sessionDay);
  // The note is marked on the trend's charts (in their tables, beside the week it falls in).
  await expect(
    consultant.getByRole('region', { name: 'Trend' }).locator('td', { hasText: noteText }).first(),
  ).toBeAttached();

  // A challenge against a session, with what Fulfil shows and why it is wrong.
  await notes.getByText('Challenge a figure as wrong').click();
  const challengeForm = notes.getByRole('form', { name: 'Challenge a figure' });
  await challengeForm.getByLabel('Session', { exact: true }).selectOption({ index: 1 });
  await challengeForm.getByLabel('What Fulfil shows (optional)').fill('Not scheduled');
  await challengeForm.getByLabel('Why it is wrong').fill(reason);
  await challengeForm.getByRole('button', { name: 'Send the challenge' }).click();
  await expect(
    notes.getByRole('status').filter({ hasText: 'Your challenge has been sent to the administrators.' }),
  ).toBeVisible();
  const challengeItem = notes
    .getByRole('list', { name: 'Your challenges' })
    .getByRole('listitem')
    .filter({ hasText: reason });
  await expect(challengeItem).toContainText('Waiting for the administrators');
  await expectNoSeriousViolations(consultant);

  // The administrator finds it in the queue and accepts it with the correction made.
  const admin = await pageAs(browser, 'admin');
  await admin.goto('/reviews/challenges');
  await expect(admin.getByRole('heading', { level: 1, name: 'Challenges' })).toBeVisible();
  const queued = admin.getByRole('article').filter({ hasText: reason });
  await expect(queued).toContainText(name);
  await expect(queued).toContainText('Not scheduled');
  // The queue links to the consultant's page around the challenged session, to check it against the data.
  await expect(queued.getByRole('link', { name: `See it on ${name}’s page` })).toHaveAttribute(
    'href',
    /^\/consultants\/\d+\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/,
  );
  // Nothing is chosen for the administrator: resolving without a finding is refused in words.
  await queued.getByRole('button', { name: 'Resolve' }).click();
  const noFinding = 'Choose whether the data was wrong (accepted) or stands (explained).';
  // The error summary takes focus and leads to the question, where the same words stand.
  const summary = queued.getByRole('alert', { name: 'There is a problem' });
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: noFinding }).click();
  const accepted = queued.getByLabel('Accepted: the data was wrong and has been corrected');
  await expect(accepted).toBeFocused();
  await expect(queued.getByRole('group', { name: 'Resolve the challenge' })).toContainText(noFinding);
  await accepted.check();
  await queued.getByLabel('The correction made').fill(correction);
  await queued.getByRole('button', { name: 'Resolve' }).click();
  await expect(admin.getByRole('article').filter({ hasText: reason })).toHaveCount(0);
  await expect(admin.getByRole('region', { name: 'Recently resolved' })).toContainText(correction);
  await expectNoSeriousViolations(admin);

  // The consultant reads the outcome on their page.
  await consultant.reload();
  await expect(
    consultant
      .getByRole('list', { name: 'Your challenges' })
      .getByRole('listitem')
      .filter({ hasText: reason }),
  ).toContainText(`Accepted by `);
  await expect(
    consultant
      .getByRole('list', { name: 'Your challenges' })
      .getByRole('listitem')
      .filter({ hasText: reason }),
  ).toContainText(correction);

  // Their clinical lead reads the shared note on the consultant's page.
  const lead = await pageAs(browser, 'lead');
  await lead.goto(`/consultants/${id}`);
  await expect(lead.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(lead.getByRole('region', { name: 'Notes and challenges' }).getByText(noteText)).toBeVisible();

  // A consultant of another specialty reads neither the page nor the note, by the page or by the API.
  const cardiologist = await pageAs(browser, 'consultant2');
  await cardiologist.goto(`/consultants/${id}`);
  await expect(cardiologist.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(cardiologist.getByText(noteText)).toHaveCount(0);
  const answer = await cardiologist.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, body: await response.text() };
  }, `/api/annotations?consultantId=${id}`);
  expect([200, 404]).toContain(answer.status);
  expect(answer.body).not.toContain(noteText);
  expect(answer.body).not.toContain(name);

  // The consultant removes their note again (other specs see the page as seeded).
  await consultant.reload();
  await consultant
    .getByRole('list', { name: 'Notes', exact: true })
    .getByRole('listitem')
    .filter({ hasText: noteText })
    .getByRole('button', { name: /^Delete/ })
    .click();
  // Deleting asks once more: a deleted note cannot be brought back.
  await consultant.getByRole('button', { name: /^Yes, delete it/ }).click();
  await expect(consultant.getByText(noteText)).toHaveCount(0);

  await Promise.all([
    consultant.context().close(),
    admin.context().close(),
    lead.context().close(),
    cardiologist.context().close(),
  ]);
});

test('a consultant notes a figure, shown by the figure, and edits it; reads the challenge their lead raised about them', async ({
  browser,
}) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const first = `Complex cases this quarter ${stamp}`;
  const edited = `Complex cases and a new registrar this quarter ${stamp}`;
  const leadReason = `The clinic moved to the Tuesday that week ${stamp}`;
  const figure = 'Patients or cases per week';

  const consultant = await pageAs(browser, 'consultant');
  const [, id] = await ownConsultant(consultant);
  await consultant.goto(`/consultants/${id}`);
  const notes = consultant.getByRole('region', { name: 'Notes and challenges' });
  await notes.getByText('Add a note').click();
  const noteForm = notes.getByRole('form', { name: 'Add a note' });
  await noteForm.getByLabel('A figure').check();
  await noteForm.getByLabel('Figure', { exact: true }).selectOption({ label: figure });
  await noteForm.getByLabel('Note', { exact: true }).fill(first);
  await noteForm.getByRole('button', { name: 'Add the note' }).click();
  await expect(notes.getByRole('status').filter({ hasText: 'Your note has been added.' })).toBeVisible();

  // The note is shown by its figure: on its headline tile and under its trend chart, in words.
  const tileNotes = consultant
    .locator('li[data-metric="patientsPerWeek"]')
    .getByRole('list', { name: `Notes about ${figure}` });
  await expect(tileNotes).toContainText(first);
  await expect(consultant.locator('li[data-metric="patientsPerWeek"]')).toContainText('Note');
  await expect(consultant.locator('li[data-metric="fulfilmentNet"]')).not.toContainText(first);
  await expect(
    consultant.getByRole('region', { name: 'Trend' }).getByRole('list', { name: `Notes about ${figure}` }),
  ).toContainText(first);

  // Its author edits it in place, with the keyboard: focus goes to the text, Escape cancels back to Edit.
  const noteId = await notes
    .getByRole('list', { name: 'Notes', exact: true })
    .getByRole('listitem')
    .filter({ hasText: first })
    .getAttribute('data-annotation-id');
  const noteItem = notes.locator(`li[data-annotation-id="${noteId}"]`);
  const editButton = noteItem.getByRole('button', { name: `Edit the note about ${figure}` });
  await editButton.focus();
  await consultant.keyboard.press('Enter');
  const editForm = noteItem.getByRole('form', { name: `Edit the note about ${figure}` });
  const textBox = editForm.getByLabel('Note', { exact: true });
  await expect(textBox).toBeFocused();
  await expect(textBox).toHaveValue(first);
  await consultant.keyboard.press('Escape');
  await expect(editForm).toHaveCount(0);
  await expect(editButton).toBeFocused();
  await consultant.keyboard.press('Enter');
  await expect(textBox).toBeFocused();
  await textBox.fill('   ');
  await editForm.getByRole('button', { name: 'Save the note' }).click();
  await expect(editForm.getByText('Write the note.')).toBeVisible();
  await expect(textBox).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousViolations(consultant);
  await textBox.fill(edited);
  await editForm.getByRole('button', { name: 'Save the note' }).click();
  await expect(noteItem.getByRole('status')).toHaveText('Your note has been changed.');
  await expect(editButton).toBeFocused();
  await expect(noteItem).toContainText(edited);
  await expect(tileNotes).toContainText(edited);
  await expect(tileNotes).not.toContainText(first);
  await consultant.reload();
  await expect(noteItem).toContainText(edited);
  await expect(tileNotes).toContainText(edited);

  // Their clinical lead reads the note by its figure, may not edit it, and challenges one of the sessions.
  const lead = await pageAs(browser, 'lead');
  await lead.goto(`/consultants/${id}`);
  await expect(
    lead.locator('li[data-metric="patientsPerWeek"]').getByRole('list', { name: `Notes about ${figure}` }),
  ).toContainText(edited);
  const leadPanel = lead.getByRole('region', { name: 'Notes and challenges' });
  await expect(leadPanel.locator(`li[data-annotation-id="${noteId}"]`).getByRole('button')).toHaveCount(0);
  await leadPanel.getByText('Challenge a figure as wrong').click();
  const challengeForm = leadPanel.getByRole('form', { name: 'Challenge a figure' });
  await challengeForm.getByLabel('Session', { exact: true }).selectOption({ index: 1 });
  await challengeForm.getByLabel('Why it is wrong').fill(leadReason);
  await challengeForm.getByRole('button', { name: 'Send the challenge' }).click();
  await expect(
    leadPanel
      .getByRole('list', { name: 'Your challenges' })
      .getByRole('listitem')
      .filter({ hasText: leadReason }),
  ).toBeVisible();

  // The consultant reads it among the challenges raised by others: who raised it and its status, nothing to change.
  await consultant.reload();
  const raisedByLead = notes
    .getByRole('list', { name: 'Challenges raised by others' })
    .getByRole('listitem')
    .filter({ hasText: leadReason });
  await expect(raisedByLead).toContainText(`Raised by ${getDemoUser('lead').name}`);
  await expect(raisedByLead).toContainText('Waiting for the administrators');
  await expect(raisedByLead.getByRole('button')).toHaveCount(0);
  await expectNoSeriousViolations(consultant);

  // A consultant of another specialty reads neither the challenge nor the note, by any route.
  const cardiologist = await pageAs(browser, 'consultant2');
  const [, cardiologistId] = await ownConsultant(cardiologist);
  await cardiologist.goto(`/consultants/${cardiologistId}`);
  await expect(cardiologist.getByRole('region', { name: 'Notes and challenges' })).toBeVisible();
  await expect(cardiologist.getByText(leadReason)).toHaveCount(0);
  await expect(cardiologist.getByText(edited)).toHaveCount(0);
  const answer = await cardiologist.evaluate(async () => (await fetch('/api/challenges')).text());
  expect(answer).not.toContain(leadReason);

  // The consultant removes their note again (other specs see the page as seeded).
  await noteItem.getByRole('button', { name: /^Delete/ }).click();
  await noteItem.getByRole('button', { name: 'Keep it' }).click();
  await expect(consultant.getByText(edited).first()).toBeVisible();
  await noteItem.getByRole('button', { name: /^Delete/ }).click();
  await noteItem.getByRole('button', { name: /^Yes, delete it/ }).click();
  await expect(consultant.getByText(edited)).toHaveCount(0);

  await Promise.all([consultant.context().close(), lead.context().close(), cardiologist.context().close()]);
});

test('an administrator changes an escalation rule; the Definitions page shows the one in force', async ({
  page,
}) => {
  await signInAs(page, 'admin');
  await page.goto('/admin/parameters');
  const rules = page.getByRole('group', { name: 'Escalation rules for reviews' });
  const days = rules.getByLabel('Escalate actions overdue by more than (days)');
  await expect(days).toHaveValue('28');
  await days.fill('0');
  await page.getByRole('button', { name: 'Save parameters' }).click();
  await expect(page.getByRole('alert').first()).toContainText(
    'The action escalation delay must be a whole number from 1 to 365',
  );
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await days.fill('21');
  await rules.getByLabel('For review when fulfilment is below (%)').fill('75');
  await page.getByRole('button', { name: 'Save parameters' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Parameters saved' })).toContainText(
    'Changed: For review when fulfilment is below, Escalate actions overdue by more than.',
  );
  await expectNoSeriousViolations(page);

  await page.goto('/definitions');
  const parameters = page.getByRole('region', { name: 'Parameters in force' });
  await expect(parameters.getByRole('heading', { name: 'Escalation rules for reviews' })).toBeVisible();
  await expect(parameters).toContainText('Overdue by more than 21 days');
  await expect(parameters).toContainText('75%');
  await expectNoSeriousViolations(page);

  // Leave the rules as the other specs expect them.
  await page.goto('/admin/parameters');
  await page.getByLabel('Escalate actions overdue by more than (days)').fill('28');
  await page.getByLabel('For review when fulfilment is below (%)').fill('80');
  await page.getByRole('button', { name: 'Save parameters' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Parameters saved' })).toBeVisible();
});
