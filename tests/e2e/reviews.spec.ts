import { type Browser, expect, type Page, type TestInfo, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { AGENDA_TOPICS } from '@/lib/shared/review-agenda';
import { expectNoSeriousViolations } from './accessibility';
import { type SignInRole, signInAs } from './sign-in';

/*
 * Review meetings end to end (issue 7), as the demo clinical lead for Ophthalmology on a 1920×1080 screen: start a
 * meeting, move through every screen with the keyboard only (each fits without scrolling, body text 24 px and up),
 * switch anonymise on (no Ophthalmology consultant's name anywhere on the page, nor in the XLSX pack), agree an
 * action and find it in "my actions", export the pack (XLSX and the print view), try a what-if; and a consultant of
 * another specialty cannot open the meeting. Each test starts its own meeting, so no spec depends on another.
 */

const PROJECTOR = { width: 1920, height: 1080 };
/** Rows of a division's workload table on one screen (components/reviews/agenda-screens.tsx). */
const DIVISION_ROWS_SHOWN = 8;

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  // The name ends .png, so that a title's full stop ("6.9 patients") is not taken for the file's extension.
  await testInfo.attach(`${name}.png`, { body: await page.screenshot(), contentType: 'image/png' });
}

async function pageAs(browser: Browser, role: SignInRole): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: PROJECTOR,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await signInAs(page, role);
  return page;
}

/** The consultants of the lead's specialty as the lead sees them named (the report of its consultants). */
async function specialtyPeople(
  page: Page,
): Promise<{ specialtyId: number; people: { id: number; name: string; gmc: string }[] }> {
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
  const headers = { 'sec-fetch-site': 'same-origin' };
  const specialties = await page
    .context()
    .request.get(`/api/metrics/report?level=specialty&from=${from}&to=${to}`, {
      headers,
    });
  expect(specialties.ok()).toBe(true);
  const ophthalmology = ((await specialties.json()) as { rows: { id: number; key: string }[] }).rows.find(
    (row) => row.key === '130',
  );
  if (!ophthalmology) throw new Error('the demo trust lacks Ophthalmology');
  const consultants = await page
    .context()
    .request.get(
      `/api/metrics/report?level=consultant&from=${from}&to=${to}&within_level=specialty&within_id=${ophthalmology.id}`,
      { headers },
    );
  expect(consultants.ok()).toBe(true);
  const people = (
    (await consultants.json()) as { rows: { id: number; name: string; key: string }[] }
  ).rows.map((row) => ({
    id: row.id,
    name: row.name,
    gmc: row.key,
  }));
  expect(people.length).toBeGreaterThanOrEqual(3);
  return { specialtyId: ophthalmology.id, people };
}

/** Chooses the unit whose option holds `unitText` on the reviews page and presses "Start the review". */
async function pressStart(page: Page, unitText: string): Promise<void> {
  await page.goto('/reviews');
  const unit = page.getByLabel('Specialty or division');
  const value = await unit.locator('option', { hasText: unitText }).getAttribute('value');
  if (!value) throw new Error(`this user cannot start a review of ${unitText}`);
  await unit.selectOption(value);
  await page.getByRole('button', { name: 'Start the review' }).click();
}

/**
 * Starts a review from the reviews page of the unit whose option holds `unitText` (another one anyway, if an
 * earlier test left one open for the same period); returns the meeting's id.
 */
async function startMeeting(page: Page, unitText: string, unitName: string): Promise<number> {
  await pressStart(page, unitText);
  const another = page.getByRole('button', { name: 'Start another anyway' });
  await expect(another.or(page.locator('[aria-roledescription="slide"]'))).toBeVisible();
  if (await another.isVisible()) await another.click();
  await page.waitForURL(/\/reviews\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Review of ${unitName}`);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

/** Starts a review of Ophthalmology (the lead's specialty); returns the meeting's id. */
const startOphthalmologyMeeting = (page: Page) => startMeeting(page, 'specialty 130', 'Ophthalmology');

/** The slide on show: its label says "<title> (n of N)". */
async function currentSlide(page: Page): Promise<{ title: string; index: number; count: number }> {
  const label = (await page.locator('[aria-roledescription="slide"]').getAttribute('aria-label')) ?? '';
  const match = /^(.*) \((\d+) of (\d+)\)$/.exec(label);
  if (!match) throw new Error(`unexpected slide label ${label}`);
  return { title: match[1] ?? '', index: Number(match[2]), count: Number(match[3]) };
}

/** What the projector shows must fit: no scrolling of the page, nothing overflowing the 1920×1080 slide. */
async function measureFit(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const slide = document.querySelector<HTMLElement>('[aria-roledescription="slide"]');
    const body = slide?.querySelector<HTMLElement>(':scope > div');
    // Text on the slide, in CSS pixels of its 1920×1080 canvas (its size on the projector in full screen).
    const sizes: { text: string; size: number }[] = [];
    if (slide) {
      const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        const parent = node.parentElement;
        // Body text: the slide's HTML text (charts' axes and the SPC icons' letters are graphics, labelled apart).
        if (!text || !parent || parent.closest('.sr-only') || parent.closest('svg')) continue;
        // Text not drawn (a closed disclosure's table) is not on screen.
        if (!parent.checkVisibility()) continue;
        sizes.push({ text: text.slice(0, 40), size: Number.parseFloat(getComputedStyle(parent).fontSize) });
      }
      // Charts' axis labels are read from the back of the room too.
      for (const tick of slide.querySelectorAll<SVGTextElement>('text.recharts-cartesian-axis-tick-value'))
        sizes.push({
          text: `axis: ${tick.textContent?.trim().slice(0, 30) ?? ''}`,
          size: Number.parseFloat(getComputedStyle(tick).fontSize),
        });
    }
    const full = document.fullscreenElement;
    const rect = slide?.getBoundingClientRect();
    return {
      isFullScreen: full !== null,
      fullScreenOverflows: full
        ? full.scrollHeight > full.clientHeight || full.scrollWidth > full.clientWidth
        : null,
      slideRect: rect ? { top: rect.top, left: rect.left, width: rect.width, height: rect.height } : null,
      scrollWidth: root.scrollWidth,
      scrollHeight: root.scrollHeight,
      viewportWidth: window.innerWidth,
      viewportHeight: window.innerHeight,
      slideOverflows: slide ? slide.scrollHeight > slide.clientHeight + 1 : true,
      bodyOverflows: body ? body.scrollHeight > body.clientHeight + 1 : false,
      smallText: sizes.filter((entry) => entry.size < 24),
    };
  });
}

/**
 * F for full screen, as on the projector (the slide then at its full 1920×1080), and every screen in turn with →
 * and Page Down: each must fit, with nothing scrolled or cut off and no text under 24 px. Back out of full
 * screen at the end; returns the screens' titles.
 */
async function walkEveryScreenInFullScreen(page: Page, testInfo: TestInfo, count: number): Promise<string[]> {
  await page.locator('body').focus();
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  const titles: string[] = [];
  for (let index = 1; index <= count; index += 1) {
    const slide = await currentSlide(page);
    expect(slide.index).toBe(index);
    titles.push(slide.title);
    // The trend's chart is drawn in the browser: wait for its axes before measuring them.
    if (slide.title.startsWith('Trend:'))
      await expect
        .poll(() =>
          page.locator('[aria-roledescription="slide"] text.recharts-cartesian-axis-tick-value').count(),
        )
        .toBeGreaterThan(0);
    const fit = await measureFit(page);
    expect.soft(fit.slideRect, `${slide.title}: the slide at full size`).toEqual({
      top: 0,
      left: 0,
      width: PROJECTOR.width,
      height: PROJECTOR.height,
    });
    expect.soft(fit.fullScreenOverflows, `${slide.title}: full screen scrolls`).toBe(false);
    expect.soft(fit.scrollHeight, `${slide.title}: page height`).toBeLessThanOrEqual(fit.viewportHeight);
    expect.soft(fit.scrollWidth, `${slide.title}: page width`).toBeLessThanOrEqual(fit.viewportWidth);
    expect.soft(fit.slideOverflows, `${slide.title}: slide overflows`).toBe(false);
    expect.soft(fit.bodyOverflows, `${slide.title}: slide body overflows`).toBe(false);
    expect.soft(fit.smallText, `${slide.title}: text under 24 px`).toEqual([]);
    // The funnel's point numbers never overlap one another, nor the axes' numbers.
    if (slide.title.startsWith('Fulfilment'))
      expect.soft(await overlappingFunnelText(page), `${slide.title}: overlapping text`).toEqual([]);
    await attachScreenshot(page, testInfo, `screen ${index}: ${slide.title}`);
    if (index < count) await page.keyboard.press(index % 2 === 0 ? 'PageDown' : 'ArrowRight');
  }
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
  return titles;
}

test.describe('review meetings on a projector', () => {
  test.describe.configure({ timeout: 240_000 });

  test('the lead runs a meeting with the keyboard, anonymised, agrees an action and exports the pack', async ({
    browser,
  }, testInfo) => {
    const page = await pageAs(browser, 'lead');
    const { people } = await specialtyPeople(page);
    const meetingId = await startOphthalmologyMeeting(page);

    // Clinics and lists together: patients per clinic session and cases per list apart, never one mixed figure.
    const headline = page.locator('[aria-roledescription="slide"]');
    await expect(headline.getByText('Patients per clinic session', { exact: true })).toBeVisible();
    await expect(headline.getByText('Cases per list', { exact: true })).toBeVisible();
    // Patients per week beside the same weeks a year earlier (the extracts reach back that far).
    await expect(headline.getByTestId('headline-baseline')).toHaveText(
      /^A year earlier \d[\d,]*\.\d \([+-]\d+\.\d%\)$/,
    );

    // Every screen, with the keyboard only: → and Page Down forward, ← back.
    const first = await currentSlide(page);
    expect(first.index).toBe(1);
    expect(first.count).toBeGreaterThanOrEqual(9);
    // In the browser window too, the whole slide is on screen and nothing of the page needs scrolling.
    const windowed = await measureFit(page);
    expect
      .soft(windowed.scrollHeight, 'page height in a window')
      .toBeLessThanOrEqual(windowed.viewportHeight);
    expect.soft(windowed.scrollWidth, 'page width in a window').toBeLessThanOrEqual(windowed.viewportWidth);
    expect.soft(windowed.slideRect?.top ?? -1).toBeGreaterThanOrEqual(0);
    expect
      .soft((windowed.slideRect?.top ?? 0) + (windowed.slideRect?.height ?? 2000))
      .toBeLessThanOrEqual(windowed.viewportHeight);
    const titles = await walkEveryScreenInFullScreen(page, testInfo, first.count);
    // The last screen stays the last; ← goes back one, Page Up one more.
    await page.keyboard.press('ArrowRight');
    expect((await currentSlide(page)).index).toBe(first.count);
    await page.keyboard.press('ArrowLeft');
    expect((await currentSlide(page)).index).toBe(first.count - 1);
    await page.keyboard.press('PageUp');
    expect((await currentSlide(page)).index).toBe(first.count - 2);
    expect(titles).toContain('New actions');
    await expectNoSeriousViolations(page);

    // Named, the page holds the lead's consultants (so that the anonymised check below means something).
    const namedText = (await page.locator('body').textContent()) ?? '';
    expect(people.some((person) => namedText.includes(person.name))).toBe(true);

    // Anonymise: the switch (a toggle button loading the page afresh), pressed from the keyboard.
    const anonymise = page.getByRole('button', { name: 'Anonymise: off' });
    await anonymise.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/reviews/${meetingId}?anonymise=1`);
    await expect(page.getByRole('button', { name: 'Anonymise: on' })).toBeVisible();
    await page.locator('body').focus();
    await page.keyboard.press('Home');
    expect((await currentSlide(page)).index).toBe(1);
    for (let index = 1; index <= first.count; index += 1) {
      const slide = await currentSlide(page);
      // Everything the page holds: its text, every attribute (labels of charts' points) and the data sent for React.
      const html = await page.content();
      for (const person of people) {
        expect.soft(html, `${slide.title} (anonymised) holds ${person.name}`).not.toContain(person.name);
        expect
          .soft(html, `${slide.title} (anonymised) holds GMC ${person.gmc}`)
          .not.toMatch(new RegExp(`(?<!\\d)${person.gmc}(?!\\d)`));
      }
      if (slide.title.startsWith('Fulfilment')) {
        await attachScreenshot(page, testInfo, `anonymised: ${slide.title}`);
      }
      if (index < first.count) await page.keyboard.press('ArrowRight');
    }
    await expectNoSeriousViolations(page);

    // The XLSX pack, anonymised: it opens, has its sheets, and holds no name.
    const anonymisedPack = await downloadPack(page);
    expect(anonymisedPack.sheets).toContain('Meeting');
    expect(anonymisedPack.sheets.length).toBeGreaterThan(3);
    for (const person of people) {
      expect.soft(anonymisedPack.text, `the anonymised pack holds ${person.name}`).not.toContain(person.name);
      expect
        .soft(anonymisedPack.text, `the anonymised pack holds GMC ${person.gmc}`)
        .not.toMatch(new RegExp(`(?<!\\d)${person.gmc}(?!\\d)`));
    }
    expect(anonymisedPack.text).toContain('Yes');

    // A new action agreed in the meeting, on its last screen (End), then in the owner's "my actions".
    const title = `Backfill short-notice leave for Tuesday clinics (${testInfo.testId.slice(0, 8)}-${Date.now()})`;
    await page.keyboard.press('End');
    expect((await currentSlide(page)).title).toBe('New actions');
    await page.getByRole('textbox', { name: 'New action' }).fill(title);
    await page.getByLabel('Due', { exact: true }).fill('2030-03-31');
    await page.getByRole('button', { name: 'Add action' }).click();
    await expect(
      page.locator('[aria-roledescription="slide"]').getByRole('cell', { name: title }),
    ).toBeVisible();
    await attachScreenshot(page, testInfo, 'new action agreed');

    // Named again: the pack names the lead's consultants.
    await page.getByRole('button', { name: 'Anonymise: on' }).click();
    await page.waitForURL(`**/reviews/${meetingId}`);
    const namedPack = await downloadPack(page);
    expect(people.some((person) => namedPack.text.includes(person.name))).toBe(true);
    expect(namedPack.text).toContain(title);

    // The print view: every screen on its own page, none of the controls.
    await page.emulateMedia({ media: 'print' });
    const printed = page.getByTestId('meeting-pack');
    await expect(printed).toBeVisible();
    const printedHeadings = await printed.getByRole('heading', { level: 2 }).allTextContents();
    // One page per topic, however many screens a long one took on the projector.
    expect(printedHeadings).toHaveLength(AGENDA_TOPICS.length);
    await expect(page.getByRole('button', { name: 'Print the pack (PDF)' })).toBeHidden();
    await expect(page.locator('[aria-roledescription="slide"]')).toBeHidden();
    await testInfo.attach('meeting pack.pdf', {
      body: await page.pdf({ landscape: true, format: 'A4' }),
      contentType: 'application/pdf',
    });
    await page.emulateMedia({ media: 'screen' });

    await page.goto('/actions');
    const mine = page.getByRole('table', { name: 'Actions you own' });
    await expect(mine.getByText(title)).toBeVisible();
    await expectNoSeriousViolations(page);
    await attachScreenshot(page, testInfo, 'my actions');
    await page.context().close();
  });

  test('the lead tries a what-if: a session a week moved between two consultants, and a new template', async ({
    browser,
  }, testInfo) => {
    const page = await pageAs(browser, 'lead');
    const { specialtyId } = await specialtyPeople(page);
    await page.goto('/reviews');
    const panel = page.getByRole('region', { name: /What if/ });
    await expect(panel).toBeVisible();
    await expect(panel.getByLabel('Specialty')).toContainText(/Ophthalmology.*\(specialty 130\)/);
    await panel.getByRole('button', { name: 'Show the effect' }).click();
    await expect(panel.getByRole('alert')).toContainText('Add a change to try');

    // Who has clinics to give and take over the panel's period: the most planned gives, another takes.
    const from = await panel.getByLabel('From', { exact: true }).inputValue();
    const to = await panel.getByLabel('To', { exact: true }).inputValue();
    const report = await page
      .context()
      .request.get(
        `/api/metrics/report?level=consultant&from=${from}&to=${to}&activity=clinic&within_level=specialty&within_id=${specialtyId}`,
        { headers: { 'sec-fetch-site': 'same-origin' } },
      );
    expect(report.ok()).toBe(true);
    const withClinics = (
      (await report.json()) as { rows: { name: string; expectedNet: number; heldSessions: number }[] }
    ).rows
      .filter((row) => row.expectedNet > 0 && row.heldSessions > 0)
      .sort((a, b) => b.expectedNet - a.expectedNet);
    const [giver, taker] = withClinics;
    if (!giver || !taker) throw new Error('the demo specialty lacks two consultants with clinics');

    await panel.getByRole('button', { name: 'Add a move of sessions' }).click();
    const move = panel.getByRole('group', { name: 'Change 1: move sessions' });
    await move.getByLabel('From consultant').selectOption({ label: giver.name });
    await move.getByLabel('To consultant').selectOption({ label: taker.name });
    await move.getByLabel('Sessions a week').fill('1');
    await panel.getByRole('button', { name: 'Add a template change' }).click();
    const template = panel.getByRole('group', { name: /Change 2: change a template/ });
    await template.getByLabel('Consultant', { exact: true }).selectOption({ label: taker.name });
    await template.getByLabel('New output per session').fill('14');
    await panel.getByRole('button', { name: 'Show the effect' }).click();

    const result = panel.getByRole('region', { name: /^The effect on Ophthalmology/ });
    await expect(result).toBeVisible();
    await expect(result).not.toContainText('Not applied');
    await expect(result).toContainText('Session fulfilment (net)');
    await expect(result).toContainText(
      'Delivered sessions ÷ expected sessions net of leave, over the period',
    );
    await expect(result).toContainText('Patients a week');
    await expect(result).toContainText('Workload balance');
    await expect(result).toContainText(/\d+(\.\d)? weeks\)/);
    const table = result.getByRole('table');
    await expect(table.getByRole('row', { name: new RegExp(giver.name) })).toBeVisible();
    await expect(table.getByRole('row', { name: new RegExp(taker.name) })).toBeVisible();
    await expectNoSeriousViolations(page);
    await testInfo.attach('what-if.png', { body: await panel.screenshot(), contentType: 'image/png' });

    // Removing the changes leaves nothing to try.
    await panel.getByRole('button', { name: 'Remove change 2' }).click();
    await panel.getByRole('button', { name: 'Remove change 1' }).click();
    await expect(panel.getByText('No changes yet')).toBeVisible();
    // Tried again with nothing to try: the error, and the last result gone (it was for other changes).
    await panel.getByRole('button', { name: 'Show the effect' }).click();
    await expect(panel.getByRole('alert')).toContainText('Add a change to try');
    await expect(panel.getByRole('region', { name: /^The effect on Ophthalmology/ })).toHaveCount(0);
    await page.context().close();
  });

  test('an action agreed on a consultant’s page is given to them, moved on, and keeps its history', async ({
    browser,
  }, testInfo) => {
    const lead = await pageAs(browser, 'lead');
    const { people } = await specialtyPeople(lead);
    // The demo consultant is the ophthalmologist with the lowest GMC number.
    const [ophthalmologist] = [...people].sort((a, b) => a.gmc.localeCompare(b.gmc));
    if (!ophthalmologist) throw new Error('the demo trust lacks ophthalmologists');
    await lead.goto(`/consultants/${ophthalmologist.id}`);
    const panel = lead.getByRole('region', { name: 'Actions', exact: true });
    const title = `Re-template the Tuesday clinic (${testInfo.testId.slice(0, 8)}-${Date.now()})`;
    await panel.getByRole('textbox', { name: 'New action' }).fill(title);
    // The demo consultant's user takes their consultant record's name.
    await panel.getByLabel('Owner').selectOption({ label: `${ophthalmologist.name} (Consultant)` });
    await panel.getByLabel('Due', { exact: true }).fill('2030-01-31');
    await panel.getByLabel('Figure it addresses').selectOption({ label: 'Slot utilisation' });
    await panel.getByRole('button', { name: 'Add action' }).click();
    await expect(panel.getByRole('status')).toHaveText(`Action added: ${title}`);
    await panel.getByRole('link', { name: title }).click();
    await lead.waitForURL(/\/actions\/\d+$/);
    const actionUrl = new URL(lead.url()).pathname;
    await expect(lead.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(lead.getByRole('link', { name: ophthalmologist.name, exact: true })).toBeVisible();

    // Moved on with a note: the history says what changed, in words, and keeps the note.
    await lead.getByLabel('Status').selectOption({ label: 'In progress' });
    await lead.getByLabel('Due', { exact: true }).fill('2030-02-28');
    await lead.getByLabel('Note').fill('Booking team asked for the new template.');
    await lead.getByRole('button', { name: 'Save the changes' }).click();
    await expect(lead.getByRole('region', { name: 'Move it on' }).getByRole('status')).toHaveText(
      'The action has been updated.',
    );
    const history = lead.getByRole('list', { name: 'History, oldest first' });
    await expect(history.getByRole('listitem')).toHaveCount(2);
    await expect(history).toContainText(`Created, owned by ${ophthalmologist.name}, due 31/01/2030.`);
    await expect(history).toContainText('Status: Open → In progress; Due: 31/01/2030 → 28/02/2030.');
    await expect(history).toContainText('Booking team asked for the new template.');
    // Nothing changed and no note: refused in words, nothing written.
    await lead.getByRole('button', { name: 'Save the changes' }).click();
    await expect(lead.getByText('Change the status, due date or owner, or write a note.')).toBeVisible();
    await expect(history.getByRole('listitem')).toHaveCount(2);
    await expectNoSeriousViolations(lead);
    await attachScreenshot(lead, testInfo, 'an action and its history');
    // The lead gave it away, and still follows it among their unit's open actions.
    await lead.goto('/actions');
    await expect(
      lead
        .getByRole('table', { name: 'Open actions others own in your units' })
        .getByRole('row', { name: new RegExp(`${title.replace(/[()]/g, '\\$&')}.*In progress`) }),
    ).toBeVisible();
    await lead.context().close();

    // The owner finds it in "my actions"; a consultant of another specialty cannot open it.
    const owner = await pageAs(browser, 'consultant');
    await owner.goto('/actions');
    await expect(
      owner.getByRole('table', { name: 'Actions you own' }).getByRole('link', { name: title }),
    ).toBeVisible();
    await owner.context().close();
    const cardiologist = await pageAs(browser, 'consultant2');
    expect((await cardiologist.goto(actionUrl))?.status()).toBe(404);
    await cardiologist.context().close();
  });

  test('a division’s meeting, however many consultants, fits every screen on the projector', async ({
    browser,
  }, testInfo) => {
    const page = await pageAs(browser, 'director');
    await startMeeting(page, '(division)', 'Surgery');
    const first = await currentSlide(page);
    // A division has more consultants than one screen holds: its long topics go on over several screens.
    expect(first.count).toBeGreaterThan(9);
    const titles = await walkEveryScreenInFullScreen(page, testInfo, first.count);
    expect(titles.some((title) => / \(2 of \d+\)$/.test(title))).toBe(true);

    // The workload table says which specialty each consultant is in.
    const slide = page.locator('[aria-roledescription="slide"]');
    await page.locator('body').focus();
    await page.keyboard.press('Home');
    const specialties: string[] = [];
    const forReviewSpecialties: string[] = [];
    for (let index = 1; index <= first.count; index += 1) {
      const { title } = await currentSlide(page);
      if (title.startsWith('Workload balance')) {
        const workload = slide.getByRole('table', { name: 'Total delivery by month' });
        await expect(workload.getByRole('columnheader', { name: 'Specialty' })).toBeVisible();
        specialties.push(...(await workload.locator('tbody tr td:nth-child(2)').allTextContents()));
        // The "for review" list beside it says each one's specialty too.
        const forReview = slide.getByRole('table', { name: 'For review' });
        await expect(forReview.getByRole('columnheader', { name: 'Specialty' })).toBeVisible();
        forReviewSpecialties.push(...(await forReview.locator('tbody tr td:nth-child(2)').allTextContents()));
      }
      if (index < first.count) await page.keyboard.press('ArrowRight');
    }
    // The director sees the division named: every consultant's specialty is shown.
    expect(specialties.length).toBeGreaterThan(DIVISION_ROWS_SHOWN);
    expect(specialties.some((specialty) => specialty.startsWith('Ophthalmology'))).toBe(true);
    expect(specialties).not.toContain('Not shown');
    expect(forReviewSpecialties).not.toContain('Not shown');
    expect(forReviewSpecialties.every((specialty) => specialties.includes(specialty))).toBe(true);
    await page.context().close();
  });

  test('starting a second open meeting of the same unit and period warns first, and the list says who started each', async ({
    browser,
  }) => {
    const page = await pageAs(browser, 'lead');
    const firstId = await startOphthalmologyMeeting(page);
    await pressStart(page, 'specialty 130');
    const warning = page.getByRole('region', {
      name: /^Warning: A meeting of Ophthalmology.* for this period is already open$/,
    });
    await expect(warning).toBeVisible();
    // The warning takes the focus, so that a keyboard or screen reader user hears it.
    await expect(warning).toBeFocused();
    await expect(page.getByRole('button', { name: 'Start the review' })).toHaveCount(0);
    const open = warning.getByRole('link', { name: 'Open the existing meeting' });
    await expect(open).toHaveAttribute('href', `/reviews/${firstId}`);
    await expectNoSeriousViolations(page);

    // Start another anyway: a second meeting; asked again, the warning offers the latest open one.
    await warning.getByRole('button', { name: 'Start another anyway' }).click();
    await page.waitForURL(/\/reviews\/\d+$/);
    const secondId = Number(new URL(page.url()).pathname.split('/').pop());
    expect(secondId).not.toBe(firstId);
    await pressStart(page, 'specialty 130');
    await warning.getByRole('link', { name: 'Open the existing meeting' }).click();
    await page.waitForURL(`**/reviews/${secondId}`);

    // The list of meetings says who started each.
    await page.goto('/reviews');
    const table = page.getByRole('table', { name: 'Review meetings, latest first' });
    await expect(table.getByRole('columnheader', { name: 'Started by' })).toBeVisible();
    for (const id of [firstId, secondId]) {
      const row = table.getByRole('row').filter({ has: page.locator(`a[href="/reviews/${id}"]`) });
      await expect(row).toContainText('Demo clinical lead for Ophthalmology');
    }
    await page.context().close();
  });

  test('the presenter’s notes follow the meeting and its keys move it; the lead closes the meeting', async ({
    browser,
  }) => {
    const page = await pageAs(browser, 'lead');
    const meetingId = await startOphthalmologyMeeting(page);
    const notes = await page.context().newPage();
    await notes.goto(`/reviews/${meetingId}?notes=1`);
    await expect(notes.getByRole('heading', { level: 2 })).toContainText('1/');
    // A clicker's keys, sent to the notes window in front, move the projected meeting; the notes follow.
    await notes.keyboard.press('PageDown');
    await expect.poll(async () => (await currentSlide(page)).index).toBe(2);
    await expect(notes.getByRole('heading', { level: 2 })).toContainText('2/');
    await notes.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await currentSlide(page)).index).toBe(1);
    await notes.close();

    // Closing asks once more, then the meeting takes no new action.
    await page.getByRole('button', { name: 'Close the meeting' }).click();
    await page.getByRole('button', { name: 'Yes, close it' }).click();
    await expect(page.getByText(/^Closed on \d{2}\/\d{2}\/\d{4}$/)).toBeVisible();
    await page.locator('body').focus();
    await page.keyboard.press('End');
    expect((await currentSlide(page)).title).toBe('New actions');
    await expect(page.getByRole('textbox', { name: 'New action' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Close the meeting' })).toHaveCount(0);
    // The list of meetings says so, with the activity it reviewed.
    await page.goto('/reviews');
    const row = page
      .getByRole('table', { name: 'Review meetings, latest first' })
      .getByRole('row')
      .filter({ has: page.locator(`a[href="/reviews/${meetingId}"]`) });
    await expect(row).toContainText('Clinics and lists');
    await expect(row).toContainText('Closed');
    await page.context().close();
  });

  test('a consultant of another specialty cannot open the meeting', async ({ browser }) => {
    const lead = await pageAs(browser, 'lead');
    const meetingId = await startOphthalmologyMeeting(lead);
    await lead.context().close();

    const cardiologist = await pageAs(browser, 'consultant2');
    for (const url of [
      `/reviews/${meetingId}`,
      `/reviews/${meetingId}?anonymise=1`,
      `/reviews/${meetingId}?notes=1`,
    ]) {
      const response = await cardiologist.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(cardiologist.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    }
    const headers = { 'sec-fetch-site': 'same-origin' };
    const api = await cardiologist.context().request.get(`/api/reviews/${meetingId}`, { headers });
    expect(api.status()).toBe(404);
    const pack = await cardiologist.context().request.get(`/api/reviews/${meetingId}/pack.xlsx`, { headers });
    expect(pack.status()).toBe(404);
    // Nor may they add an action to it.
    const action = await cardiologist.context().request.post('/api/actions', {
      headers: { ...headers, 'content-type': 'application/json' },
      data: { title: 'Not my meeting', meetingId },
    });
    expect([403, 404]).toContain(action.status());
    await cardiologist.context().close();
  });
});

/** Text of the funnel drawing on the slide that overlaps other text of it (the points' numbers, the axes). */
async function overlappingFunnelText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes = [
      ...document.querySelectorAll<SVGTextElement>('[aria-roledescription="slide"] svg.static-funnel text'),
    ].map((text) => ({ text: text.textContent ?? '', box: text.getBoundingClientRect() }));
    const overlaps: string[] = [];
    boxes.forEach((a, index) => {
      for (const b of boxes.slice(index + 1)) {
        // A pixel of slack: glyph boxes include the type's line gap.
        if (
          a.box.left < b.box.right - 1 &&
          b.box.left < a.box.right - 1 &&
          a.box.top < b.box.bottom - 1 &&
          b.box.top < a.box.bottom - 1
        )
          overlaps.push(`${a.text} / ${b.text}`);
      }
    });
    return overlaps;
  });
}

/** Downloads the meeting pack through its link and reads it back with ExcelJS. */
async function downloadPack(page: Page): Promise<{ sheets: string[]; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download the tables (XLSX)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const path = await download.path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(String(cell.text ?? ''));
      });
    });
  });
  return { sheets: workbook.worksheets.map((sheet) => sheet.name), text: cells.join('\n') };
}
