import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Nudge, RemovedReason } from '../../shared/events';
import type { CreateRoomResponse } from '../../shared/http';
import type { Summary } from '../../shared/summary';
import type { DisplayView, FacilitatorView, RoomView, StateView } from '../../shared/views';
import {
  collectConsoleErrors,
  launchBrowser,
  newFace,
  screenshot,
  seriousAxeViolations,
  type ViewportName,
} from '../helpers/browser';
import { connect, connectDisplay, connectMember, createRoom, type Participant } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/server';

/**
 * The v1.1 practices as the facilitator dashboard drives them, in real Chromium against a real
 * server: the door, shared leadership, the room's texts, private nudges, the agenda, the anonymous
 * pulse and the end with its summary. Effects are checked on the members' own sockets.
 */
let server: TestServer;
let browser: Browser;
/** The machine is shared with other suites: wait generously for each step, never sleep. */
const STEP_MS = 15_000;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openDashboard(
  room: CreateRoomResponse,
  viewport: ViewportName = 'laptop',
): Promise<{ context: BrowserContext; page: Page; errors: ReturnType<typeof collectConsoleErrors> }> {
  const context = await newFace(browser, viewport, server.url);
  const errors = collectConsoleErrors(context);
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_MS);
  await page.goto(room.urls.facilitator);
  await page.getByText('Connected', { exact: true }).waitFor();
  return { context, page, errors };
}

/**
 * Waits until the dashboard shows a member who just joined. The first member moves the invite panel
 * from above the members to below them: a click while that layout shifts can land on another panel.
 */
async function seatedOnDashboard(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: `Give the talking piece to ${name}` }).waitFor();
}

function axeSummary(violations: Awaited<ReturnType<typeof seriousAxeViolations>>): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`).join('\n');
}

/** Resolves with the next payload of a server event on a participant's socket. */
function nextEvent<T>(
  p: Participant<StateView>,
  event: 'nudge' | 'role' | 'removed' | 'summary',
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} event`)), STEP_MS);
    p.socket.once(event as 'nudge', (payload: unknown) => {
      clearTimeout(timer);
      resolve(payload as T);
    });
  });
}

const isRoom = (v: StateView): v is RoomView => 'members' in v;
const idOf = (p: Participant<StateView>) => p.welcome.memberId ?? '';
const wait = { timeout: STEP_MS };

describe('facilitation depth on the dashboard', () => {
  it('admits and declines people at the door, and shows who is still reading the agreements', async () => {
    const room = await createRoom(server.url, {
      title: 'Approval circle',
      settings: { admission: 'approve' },
      agreements: ['What is said here stays here.'],
    });
    const { context, page, errors } = await openDashboard(room);
    const wren = await connect<StateView>(server.url, { code: room.code, name: 'Wren' });
    const yusuf = await connect<StateView>(server.url, { code: room.code, name: 'Yusuf' });
    const door = page.getByRole('region', { name: /At the door/ });
    await door.getByText('Reading the agreements').waitFor();
    await door.getByText('Wren').waitFor();

    expect((await wren.send({ type: 'consent.accept' })).ok).toBe(true);
    await door.getByText('Waiting for you to let them in').waitFor();
    await door.getByRole('button', { name: 'Admit Wren' }).waitFor();
    // Yusuf is still reading: there is nothing to admit yet.
    expect(await door.getByRole('button', { name: 'Admit Yusuf' }).count()).toBe(0);
    await screenshot(page, 'facilitator-depth-door-laptop');
    expect(axeSummary(await seriousAxeViolations(page))).toBe('');

    await door.getByRole('button', { name: 'Admit Wren' }).click();
    await wren.waitFor(
      (v) => isRoom(v) && v.members.some((m) => m.id === idOf(wren)),
      'Wren inside',
      STEP_MS,
    );
    await seatedOnDashboard(page, 'Wren');

    expect((await yusuf.send({ type: 'consent.accept' })).ok).toBe(true);
    const removed = nextEvent<{ reason: RemovedReason }>(yusuf, 'removed');
    await door.getByRole('button', { name: 'Decline Yusuf' }).click();
    // A confirm step: the keyboard lands on "Back", the decline needs a second, deliberate press.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Back');
    await door.getByRole('button', { name: 'Decline', exact: true }).click();
    expect(await removed).toEqual({ reason: 'declined' });
    await page.getByRole('region', { name: /At the door/ }).waitFor({ state: 'detached' });
    for (const p of [wren, yusuf]) p.close();
    errors.assertNone();
    await context.close();
  });

  it('shares leadership: makes a member co-facilitator, who can then run the room, and revokes it', async () => {
    const room = await createRoom(server.url, { title: 'Rotating leadership' });
    const { context, page, errors } = await openDashboard(room);
    const ana = await connect<StateView>(server.url, { code: room.code, name: 'Ana' });
    const ben = await connectMember(server.url, room, 'Ben');
    const lead = page.getByRole('region', { name: 'Shared leadership' });
    await lead.getByLabel('Share leadership with').selectOption({ label: 'Ana' });
    const role = nextEvent<{ role: string }>(ana, 'role');
    await lead.getByRole('button', { name: 'Share leadership: make co-facilitator' }).click();
    expect(await role).toEqual({ role: 'cofacilitator' });
    // Ana now receives the facilitator view, and her facilitator commands show on the dashboard.
    await ana.waitFor((v) => 'stats' in v, 'the facilitator view for Ana', STEP_MS);
    await page.locator('.fac-member', { hasText: 'Ana' }).getByText('Co-facilitator').waitFor();
    expect((await ana.send({ type: 'room.update', popcorn: true })).ok).toBe(true);
    await expect.poll(() => lead.getByRole('switch', { name: 'Popcorn style' }).isChecked(), wait).toBe(true);
    await ben.waitFor((v) => v.settings.popcorn, 'popcorn on for Ben', STEP_MS);

    // The popcorn switch works from the dashboard too.
    await lead.getByRole('switch', { name: 'Popcorn style' }).click();
    await ben.waitFor((v) => !v.settings.popcorn, 'popcorn off for Ben', STEP_MS);

    const back = nextEvent<{ role: string }>(ana, 'role');
    await lead.getByRole('button', { name: 'Revoke co-facilitator: make Ana a member again' }).click();
    expect(await back).toEqual({ role: 'member' });
    await ana.waitFor((v) => isRoom(v) && !('stats' in v) && v.version > 0, 'the member view again', STEP_MS);
    ana.close();
    ben.close();
    errors.assertNone();
    await context.close();
  });

  it('edits the group agreements, the note and the support contacts', async () => {
    const room = await createRoom(server.url, { title: 'Texts circle' });
    const { context, page, errors } = await openDashboard(room);
    const ana = await connectMember(server.url, room, 'Ana');
    const display = await connectDisplay<DisplayView>(server.url, room);
    await seatedOnDashboard(page, 'Ana');
    await page.getByText('Agreements, note and support contacts').click();
    const texts = page.locator('.fac-texts');
    await texts.getByRole('button', { name: 'Add agreement: What is said here stays here.' }).click();
    await texts
      .getByRole('button', { name: 'Add agreement: You may always pass. Nobody has to share.' })
      .click();
    await texts.getByRole('button', { name: '+ Write an agreement' }).click();
    await texts.getByRole('textbox', { name: 'Agreement 3' }).fill('  Phones on silent.  ');
    await texts
      .getByLabel('Note before entering (optional)')
      .fill('This is a peer support group, not therapy.');
    await texts.getByRole('button', { name: '+ Add a contact' }).click();
    await texts.getByLabel('Name 1').fill('Crisis line');
    // A contact without a way to reach them is refused before anything is sent.
    await texts.getByRole('button', { name: 'Save texts' }).click();
    await texts.getByRole('alert').getByText('Contacts, row 1').waitFor();
    await texts.getByLabel('How to reach them 1').fill('Call or text 988, any time');
    await screenshot(page, 'facilitator-depth-texts-laptop');
    expect(axeSummary(await seriousAxeViolations(page))).toBe('');
    await texts.getByRole('button', { name: 'Save texts' }).click();

    const seen = await ana.waitFor(
      (v) => v.agreements.length === 3,
      'the agreements on Ana’s phone',
      STEP_MS,
    );
    expect(seen.agreements).toEqual([
      'What is said here stays here.',
      'You may always pass. Nobody has to share.',
      'Phones on silent.',
    ]);
    expect(seen.disclaimer).toBe('This is a peer support group, not therapy.');
    expect(seen.resources).toEqual([{ label: 'Crisis line', contact: 'Call or text 988, any time' }]);
    const shown = await display.waitFor(
      (v) => v.agreements.length === 3,
      'the agreements on the display',
      STEP_MS,
    );
    expect('resources' in shown || 'disclaimer' in shown).toBe(false);
    await page.getByText('Saved. Members see the new texts at once.').waitFor();
    await page.getByText('(3 agreements, 1 contact)').waitFor();
    ana.close();
    display.close();
    errors.assertNone();
    await context.close();
  });

  it('sends a private nudge to the holder’s phone only', async () => {
    const room = await createRoom(server.url, { title: 'Nudge circle' });
    const { context, page, errors } = await openDashboard(room);
    const ana = await connectMember(server.url, room, 'Ana');
    const ben = await connectMember(server.url, room, 'Ben');
    const display = await connectDisplay<DisplayView>(server.url, room);
    const others: string[] = [];
    ben.socket.on('nudge', () => others.push('ben'));
    display.socket.on('nudge', () => others.push('display'));

    const wrapUp = page.getByRole('button', { name: /^Begin to wrap up/ });
    await wrapUp.waitFor();
    expect(await wrapUp.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Give the talking piece to Ana' }).click();
    await page.getByRole('heading', { name: 'Private nudge to Ana' }).waitFor();
    const nudge = nextEvent<Nudge>(ana, 'nudge');
    await page.getByRole('button', { name: 'Begin to wrap up: private nudge to Ana’s phone' }).click();
    expect((await nudge).kind).toBe('wrap-up');
    await page.getByRole('status').getByText('Sent privately to Ana', { exact: false }).waitFor();
    await screenshot(page, 'facilitator-depth-nudge-laptop');
    // A later state reaching everyone proves the nudge had its chance to arrive elsewhere, and did not.
    await page.getByRole('button', { name: 'Give the talking piece to Ben' }).click();
    await ben.waitFor((v) => v.speaker?.memberId === idOf(ben), 'Ben speaking', STEP_MS);
    await display.waitFor((v) => v.speaker?.memberId === idOf(ben), 'Ben speaking on the display', STEP_MS);
    expect(others).toEqual([]);
    for (const p of [ana, ben, display]) p.close();
    errors.assertNone();
    await context.close();
  });

  it('plans the agenda, moves through it by keyboard, and shows the projected end', async () => {
    const room = await createRoom(server.url, { title: 'Agenda circle' });
    const { context, page, errors } = await openDashboard(room);
    const ana = await connectMember(server.url, room, 'Ana');
    await seatedOnDashboard(page, 'Ana');
    const agendaPanel = page.getByRole('region', { name: 'Agenda' });
    await agendaPanel.getByRole('button', { name: 'Plan an agenda' }).click();
    for (const label of [
      'Add Opening, 5 minutes',
      'Add Check-in, 15 minutes',
      'Add Discussion, 30 minutes',
    ]) {
      await agendaPanel.getByRole('button', { name: label }).click();
    }
    // Reordering by keyboard: the focus follows the moved segment.
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    await agendaPanel.getByRole('button', { name: 'Move segment 2 up' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focused, wait).toBe('Move segment 1 down');
    expect(await agendaPanel.getByLabel('Segment 1 kind').inputValue()).toBe('check-in');
    await page.keyboard.press('Enter');
    await expect.poll(focused, wait).toBe('Move segment 2 down');
    expect(await agendaPanel.getByLabel('Segment 1 kind').inputValue()).toBe('opening');
    await agendaPanel.getByLabel('Segment 3 title (optional)').fill('Coping with the holidays');
    await agendaPanel.getByRole('button', { name: 'Add Closing, 10 minutes' }).click();
    await agendaPanel.getByRole('button', { name: 'Save agenda' }).click();
    const planned = await ana.waitFor((v) => v.agenda !== null, 'the agenda on Ana’s phone', STEP_MS);
    expect(planned.agenda?.segments.map((s) => [s.title, s.plannedMs / 60_000])).toEqual([
      ['Opening', 5],
      ['Check-in', 15],
      ['Coping with the holidays', 30],
      ['Closing', 10],
    ]);
    await agendaPanel.getByText('The agenda has not started yet.').waitFor();

    // A starts the agenda (the first segment and its segment timer); A again moves on.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('a');
    await ana.waitFor((v) => v.agenda?.index === 0, 'the opening', STEP_MS);
    await agendaPanel.getByText('Segment 1 of 4').waitFor();
    await agendaPanel.getByText(/Projected end \d/).waitFor();
    await agendaPanel.getByText('on plan').waitFor();
    await page.keyboard.press('a');
    await ana.waitFor((v) => v.agenda?.index === 1, 'the check-in', STEP_MS);
    await agendaPanel.getByText('Segment 2 of 4').waitFor();
    // The segment timer counts the check-in's 15 minutes, apart from the speaker's timer.
    await agendaPanel
      .getByRole('timer', { name: 'Segment timer' })
      .getByText(/^1[45]:\d\d$/)
      .waitFor();
    await page.keyboard.press('Shift+A');
    await ana.waitFor((v) => v.agenda?.index === 0, 'back to the opening', STEP_MS);
    await agendaPanel.getByRole('button', { name: 'Next: Check-in' }).click();
    await ana.waitFor((v) => v.agenda?.index === 1, 'the check-in again', STEP_MS);

    // The overlay lists the new shortcuts.
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.getByText('Next agenda segment', { exact: false }).waitFor();
    await dialog.getByText('Previous agenda segment').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    ana.close();
    errors.assertNone();
    await context.close();
  });

  it('asks an anonymous pulse question and shows the histogram once three have answered', async () => {
    const room = await createRoom(server.url, { title: 'Pulse circle' });
    const { context, page, errors } = await openDashboard(room);
    const members = [
      await connectMember(server.url, room, 'Ana'),
      await connectMember(server.url, room, 'Ben'),
      await connectMember(server.url, room, 'Cleo'),
    ];
    const pulsePanel = page.getByRole('region', { name: 'Anonymous pulse' });
    await pulsePanel.getByText('Answers are anonymous', { exact: false }).waitFor();
    expect(await pulsePanel.getByLabel('Question').inputValue()).toBe('How supported do you feel today?');
    await pulsePanel.getByRole('button', { name: 'Ask on every phone (1–5)' }).click();
    for (const m of members) await m.waitFor((v) => v.pulse?.open === true, 'the question', STEP_MS);
    const values = [4, 5, 4];
    for (const [i, m] of members.entries()) {
      expect((await m.send({ type: 'pulse.answer', value: values[i] ?? 3 })).ok).toBe(true);
      await pulsePanel.getByText(`${i + 1} ${i === 0 ? 'answer' : 'answers'} so far`).waitFor();
    }
    expect(await pulsePanel.getByRole('table').count()).toBe(0);
    await pulsePanel.getByRole('button', { name: 'Close and see results' }).click();
    const histogram = pulsePanel.getByRole('table', { name: /How many chose each number/ });
    await histogram.waitFor();
    const rows = await histogram.locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      '1 · low 0',
      '2 0',
      '3 0',
      '4 2',
      '5 · high 1',
    ]);
    await screenshot(page, 'facilitator-depth-pulse-laptop');
    expect(axeSummary(await seriousAxeViolations(page))).toBe('');
    for (const m of members) m.close();
    errors.assertNone();
    await context.close();
  });

  describe('a full meeting, then its end', () => {
    let room: CreateRoomResponse;
    let context: BrowserContext;
    let page: Page;
    let errors: ReturnType<typeof collectConsoleErrors>;
    const members: Participant<RoomView>[] = [];
    let watcher: Participant<FacilitatorView>;

    beforeAll(async () => {
      room = await createRoom(server.url, {
        title: 'Thursday peer support',
        agenda: [
          { kind: 'opening', minutes: 5 },
          { kind: 'check-in', minutes: 15 },
          { kind: 'discussion', title: 'Sleep and stress', minutes: 30 },
          { kind: 'closing', minutes: 10 },
        ],
        agreements: ['What is said here stays here.', 'One voice at a time.'],
        resources: [{ label: 'Crisis line', contact: 'Call or text 988' }],
      });
      ({ context, page, errors } = await openDashboard(room));
      watcher = await connect<FacilitatorView>(server.url, {
        code: room.code,
        facilitatorKey: room.facilitatorKey,
      });
      for (const name of ['Ana', 'Ben', 'Cleo Montgomery-Smith', 'Dan']) {
        const p = await connect<StateView>(server.url, { code: room.code, name });
        expect((await p.send({ type: 'consent.accept' })).ok).toBe(true);
        await p.waitFor(isRoom, `${name} inside`, STEP_MS);
        members.push(p as Participant<RoomView>);
      }
      await page.getByText('4 in the room · 4 online').waitFor();
    });

    afterAll(async () => {
      for (const m of members) m.close();
      watcher?.close();
      await context?.close();
    });

    it('looks right mid-meeting at laptop and 1080p', async () => {
      const [ana, ben] = members as [Participant<RoomView>, Participant<RoomView>];
      await page.getByRole('button', { name: 'Start the agenda' }).click();
      await watcher.waitFor((v) => v.agenda?.index === 0, 'the opening', STEP_MS);
      await page.getByRole('button', { name: 'Next: Check-in' }).click();
      await watcher.waitFor((v) => v.agenda?.index === 1, 'the check-in', STEP_MS);
      await page.getByRole('button', { name: 'Start round' }).click();
      await watcher.waitFor((v) => v.speaker?.memberId === idOf(ana), 'Ana speaking', STEP_MS);
      // Let Ana's share grow past a second so the fairness shares show.
      await expect.poll(() => page.getByText('Top speaker:').count(), { timeout: STEP_MS }).toBe(1);
      await page.getByRole('button', { name: 'Next in round' }).click();
      await watcher.waitFor((v) => v.speaker?.memberId === idOf(ben), 'Ben speaking', STEP_MS);
      await page.getByRole('button', { name: 'Ask on every phone (1–5)' }).click();
      await members[2]!.waitFor((v) => v.pulse?.open === true, 'the question', STEP_MS);
      expect((await members[2]!.send({ type: 'pulse.answer', value: 4 })).ok).toBe(true);
      await page.getByText('1 answer so far').waitFor();
      await page.getByRole('heading', { name: 'Least spoken first (progressive stack)' }).waitFor();

      await screenshot(page, 'facilitator-depth-meeting-laptop');
      expect(axeSummary(await seriousAxeViolations(page))).toBe('');
      await page.setViewportSize({ width: 1920, height: 1080 });
      await screenshot(page, 'facilitator-depth-meeting-1080p');
      expect(axeSummary(await seriousAxeViolations(page))).toBe('');
      await page.setViewportSize({ width: 1366, height: 768 });
    });

    it('fits a tablet and a phone with the editors open', async () => {
      await page.getByRole('button', { name: 'Edit agenda' }).click();
      await page.getByRole('heading', { name: 'Edit the agenda' }).waitFor();
      await page.getByText('Agreements, note and support contacts').click();
      await page.getByRole('textbox', { name: 'Agreement 1' }).waitFor();
      for (const [name, size] of [
        ['tablet', { width: 768, height: 1024 }],
        ['phone', { width: 360, height: 740 }],
      ] as const) {
        await page.setViewportSize(size);
        await screenshot(page, `facilitator-depth-editors-${name}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(
          size.width,
        );
      }
      expect(axeSummary(await seriousAxeViolations(page))).toBe('');
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByText('Agreements, note and support contacts').click();
    });

    it('ends with a confirm step, then shows the summary with downloads', async () => {
      await page.getByRole('button', { name: 'End meeting…' }).click();
      const dialog = page.getByRole('dialog', { name: 'End the meeting for everyone?' });
      await dialog.waitFor();
      // The safe choice has the focus; Escape keeps the meeting.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep meeting');
      await screenshot(page, 'facilitator-depth-end-confirm-laptop');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(watcher.latest().status).toBe('open');

      const removed = nextEvent<{ reason: RemovedReason }>(members[0] as Participant<StateView>, 'removed');
      const summaryEvent = nextEvent<Summary>(watcher as Participant<StateView>, 'summary');
      await page.getByRole('button', { name: 'End meeting…' }).click();
      await dialog.getByRole('button', { name: 'End meeting', exact: true }).click();
      expect(await removed).toEqual({ reason: 'ended' });
      const summary = await summaryEvent;

      await page.getByRole('heading', { name: 'This room has ended' }).waitFor();
      await page.getByText('The server has now forgotten every name', { exact: false }).waitFor();
      await page.getByRole('heading', { name: 'Speaking time' }).waitFor();
      await page.getByRole('heading', { name: 'Feedback' }).waitFor();
      // The open pulse was closed by the end: one answer, too few to show.
      await page.getByText('Too few answers to show results anonymously.').waitFor();
      for (const name of ['Ana', 'Ben', 'Cleo Montgomery-Smith', 'Dan']) {
        await page.getByRole('rowheader', { name }).waitFor();
      }
      await screenshot(page, 'facilitator-depth-summary-laptop');
      expect(axeSummary(await seriousAxeViolations(page))).toBe('');
      await page.setViewportSize({ width: 1920, height: 1080 });
      await screenshot(page, 'facilitator-depth-summary-1080p');

      const [csvDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download summary (CSV)' }).click(),
      ]);
      expect(csvDownload.suggestedFilename()).toMatch(/^thursday-peer-support-summary-\d{4}-\d\d-\d\d\.csv$/);
      const csv = readFileSync((await csvDownload.path()) ?? '', 'utf8');
      expect(csv).toContain('Circle,Thursday peer support');
      expect(csv).toContain('Member,Speaking time,Speaking seconds,Share (%),Turns,Passes');
      expect(csv).toMatch(/\r\nCleo Montgomery-Smith,/);
      expect(csv).toContain('How supported do you feel today?,1');

      const [jsonDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download summary (JSON)' }).click(),
      ]);
      const json = JSON.parse(readFileSync((await jsonDownload.path()) ?? '', 'utf8')) as Summary;
      expect(json).toEqual(summary);
      expect(json.members.map((m) => m.name)).toEqual(['Ana', 'Ben', 'Cleo Montgomery-Smith', 'Dan']);
      errors.assertNone();
    });
  });
});
