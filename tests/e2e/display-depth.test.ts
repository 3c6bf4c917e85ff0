import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../shared/commands';
import type { CreateRoomResponse } from '../../shared/http';
import type { DisplayView, FacilitatorView, StateView } from '../../shared/views';
import {
  type AxeViolation,
  collectConsoleErrors,
  launchBrowser,
  newFace,
  screenshot,
  seriousAxeViolations,
} from '../helpers/browser';
import {
  connect,
  connectDisplay,
  connectFacilitator,
  createRoom,
  httpCommand,
  type Participant,
} from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/server';

/**
 * The v1.1 practices on the room display, in real Chromium against a real server: the current agenda
 * segment with its own small timer beside the title, the agreements during the opening (on their own,
 * or beside whoever speaks), and never a nudge, a signal, a pulse or a statistic.
 */

const STEP_MS = 15_000;
const LONG_TEST_MS = 90_000;

const AGREEMENTS = [
  'What is said here stays here.',
  'One voice at a time.',
  'Speak from your own experience.',
  'You may always pass. Nobody has to share.',
  'Take care of yourself: step out whenever you need to.',
];
const QUESTION = 'How held did you feel tonight?';

function axeSummary(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`).join('\n');
}

describe('room display: facilitation depth (v1.1)', () => {
  let server: TestServer;
  let browser: Browser;
  let room: CreateRoomResponse;
  let facilitator: Participant<FacilitatorView>;
  let displaySocket: Participant<DisplayView>;
  let context: BrowserContext;
  let consoles: ReturnType<typeof collectConsoleErrors>;
  let display: Page;
  const members: Participant<StateView>[] = [];
  const displayEvents: string[] = [];

  const command = async (body: Command) => {
    const answer = await httpCommand(server.url, room.code, room.facilitatorKey, body);
    expect(answer.body, `${body.type}: ${JSON.stringify(answer.body)}`).toMatchObject({ ok: true });
  };

  const idOf = (name: string) => facilitator.latest().members.find((m) => m.name === name)?.id ?? '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    room = await createRoom(server.url, {
      title: 'Wednesday evening circle',
      agreements: AGREEMENTS,
      disclaimer: 'Not therapy; not a crisis service.',
      resources: [{ label: 'Crisis line', contact: '988' }],
      agenda: [
        { kind: 'opening', minutes: 5 },
        { kind: 'check-in', minutes: 20 },
        { kind: 'closing', minutes: 10 },
      ],
    });
    facilitator = await connectFacilitator(server.url, room);
    for (const name of ['Ana', 'Ben', 'Cleo']) {
      const p = await connect<StateView>(server.url, { code: room.code, name });
      members.push(p);
      expect(await p.send({ type: 'consent.accept' })).toMatchObject({ ok: true });
    }
    await facilitator.waitFor((v) => v.members.filter((m) => m.status === 'active').length === 3, 'three in');
    displaySocket = await connectDisplay<DisplayView>(server.url, room);
    for (const event of ['nudge', 'summary', 'status', 'role'] as const) {
      displaySocket.socket.on(event, () => displayEvents.push(event));
    }
    context = await newFace(browser, 'hd', server.url);
    context.setDefaultTimeout(STEP_MS);
    consoles = collectConsoleErrors(context);
    display = await context.newPage();
  });

  afterAll(async () => {
    for (const p of members) p.close();
    displaySocket?.close();
    facilitator?.close();
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the agreements while waiting, and no segment before the agenda starts', async () => {
    await display.goto(room.urls.display);
    await display.getByRole('heading', { name: 'Waiting for the circle to begin' }).waitFor();
    await display.getByRole('heading', { name: 'Our agreements' }).waitFor();
    await display.getByText(AGREEMENTS[4]!).waitFor();
    expect(await display.getByTestId('display-agenda').count()).toBe(0);
  });

  it(
    'shows the opening segment and its timer beside the title, with the agreements',
    async () => {
      await command({ type: 'agenda.next', from: null });
      const segment = display.getByTestId('display-agenda');
      await segment.getByText('Opening').waitFor();
      await display.getByRole('heading', { name: 'Welcome' }).waitFor();
      await display.getByRole('heading', { name: 'Our agreements' }).waitFor();
      // The segment timer runs: 5:00 counts down, second by second.
      const first = await segment.textContent();
      expect(first).toMatch(/Opening.*[45]:\d\d$/);
      await display.waitForFunction(
        (before) => document.querySelector('[data-testid="display-agenda"]')?.textContent !== before,
        first,
        { timeout: 5000 },
      );
      await screenshot(display, 'display-depth-opening-hd');
      expect(axeSummary(await seriousAxeViolations(display))).toBe('');
    },
    LONG_TEST_MS,
  );

  it(
    'keeps the agreements beside the speaker during the opening, the segment timer small',
    async () => {
      await command({ type: 'piece.give', memberId: idOf('Ana') });
      await display.getByRole('heading', { name: 'Ana', exact: true }).waitFor();
      const aside = display.getByRole('region', { name: 'Our agreements' });
      await aside.getByText(AGREEMENTS[0]!).waitFor();
      await display.getByTestId('countdown').waitFor();
      // Never competing with the speaker's countdown: far smaller, and no larger than the title.
      const size = (selector: string) =>
        display.locator(selector).evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
      const [segmentSize, titleSize, countdownSize] = await Promise.all([
        size('.display-agenda-clock'),
        size('.display-title'),
        size('[data-testid="countdown"]'),
      ]);
      expect(segmentSize).toBeLessThanOrEqual(titleSize);
      expect(segmentSize * 5).toBeLessThan(countdownSize);
      await screenshot(display, 'display-depth-opening-speaker-hd');
      expect(axeSummary(await seriousAxeViolations(display))).toBe('');
    },
    LONG_TEST_MS,
  );

  it(
    'moves to the check-in: the new segment, the round, and the speaker alone on the stage',
    async () => {
      await command({ type: 'agenda.next', from: 0 });
      await display.getByTestId('display-agenda').getByText('Check-in').waitFor();
      await display.getByRole('region', { name: 'Our agreements' }).waitFor({ state: 'detached' });
      await command({ type: 'round.start', kind: 'check-in', prompt: 'One word for how you arrive' });
      await display.getByText('Check-in round · turn 1 of 3').waitFor();
      await display.getByText('One word for how you arrive').waitFor();
      await screenshot(display, 'display-depth-checkin-hd');
      expect(axeSummary(await seriousAxeViolations(display))).toBe('');
    },
    LONG_TEST_MS,
  );

  it(
    'never shows a nudge, a signal, the pulse or statistics',
    async () => {
      const [ana, ben, cleo] = members as [Participant, Participant, Participant];
      const holder = facilitator.latest().speaker?.memberId;
      const holderSocket = members.find((m) => m.welcome.memberId === holder)!;
      const nudged = new Promise((resolve) => holderSocket.socket.once('nudge', resolve));
      await command({ type: 'nudge.send', kind: 'wrap-up' });
      await nudged; // the holder's phone has it: the display has had every chance to
      expect(await ben.send({ type: 'signal.send', kind: 'need-a-moment' })).toMatchObject({ ok: true });
      await command({ type: 'pulse.open', question: QUESTION });
      for (const [i, p] of [ana, ben, cleo].entries()) {
        expect(await p.send({ type: 'pulse.answer', value: i + 3 })).toMatchObject({ ok: true });
      }
      await command({ type: 'pulse.close' });
      const closed = await facilitator.waitFor((v) => v.pulse?.results != null, 'the results', STEP_MS);
      expect(closed.signals.length).toBe(1);

      // The display's own view carries none of it, and it received no private event.
      // A clock round trip after everything: whatever the server sent the display before has arrived.
      await displaySocket.socket.timeout(STEP_MS).emitWithAck('clock');
      const seen = displaySocket.latest();
      for (const view of displaySocket.states) {
        for (const key of ['pulse', 'stats', 'signals', 'disclaimer', 'resources'])
          expect(view).not.toHaveProperty(key);
      }
      expect(
        seen.members.every((m) => Object.keys(m).sort().join() === 'handRaisedAt,id,name,online,role'),
      ).toBe(true);
      expect(displayEvents).toEqual([]);

      // And the page shows none of it.
      const text = ((await display.locator('body').textContent()) ?? '').toLowerCase();
      for (const never of [
        'wrap up',
        'nudge',
        'need a moment',
        'signal',
        QUESTION.toLowerCase(),
        'answer',
        'spoken',
        'crisis',
        'not therapy',
      ]) {
        expect(text, `the display shows “${never}”`).not.toContain(never);
      }
      await screenshot(display, 'display-depth-private-stays-private-hd');
    },
    LONG_TEST_MS,
  );

  it(
    'fits twelve agreements on one 1080p screen during the opening, idle or beside a speaker',
    async () => {
      const many = Array.from(
        { length: 12 },
        (_, i) =>
          `${i + 1 === 12 ? 'Last' : `Agreement ${i + 1}`}: we listen without fixing, advising or comparing, and we let silence be.`,
      );
      const long = await createRoom(server.url, {
        title: 'A circle with many agreements',
        agreements: many,
        agenda: [{ kind: 'opening', minutes: 10 }],
      });
      const ana = await connect<StateView>(server.url, { code: long.code, name: 'Ana' });
      members.push(ana);
      expect(await ana.send({ type: 'consent.accept' })).toMatchObject({ ok: true });
      const page = await context.newPage();
      await page.goto(long.urls.display);
      await page.getByText(many[11]!).waitFor();
      const overflow = () => page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
      await screenshot(page, 'display-depth-many-agreements-hd');
      expect(await overflow()).toBeLessThanOrEqual(0);

      const answer = await httpCommand(server.url, long.code, long.facilitatorKey, { type: 'agenda.next' });
      expect(answer.body.ok).toBe(true);
      const give = await httpCommand(server.url, long.code, long.facilitatorKey, {
        type: 'piece.give',
        memberId: ana.welcome.memberId,
      });
      expect(give.body.ok).toBe(true);
      await page.getByRole('heading', { name: 'Ana', exact: true }).waitFor();
      await page.getByRole('region', { name: 'Our agreements' }).getByText(many[11]!).waitFor();
      await screenshot(page, 'display-depth-many-agreements-speaker-hd');
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.close();
    },
    LONG_TEST_MS,
  );

  it('logged no console error', () => {
    consoles.assertNone();
  });
});
