import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../shared/commands';
import type { Nudge } from '../../shared/events';
import type { CreateRoomResponse } from '../../shared/http';
import type { FacilitatorView, RoomView, StateView } from '../../shared/views';
import {
  type AxeViolation,
  collectConsoleErrors,
  launchBrowser,
  newFace,
  screenshot,
  seriousAxeViolations,
} from '../helpers/browser';
import { connect, connectFacilitator, createRoom, httpCommand, type Participant } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/server';

/**
 * The v1.1 practices on the member's phone, in real Chromium against a real server: the door
 * (agreements, waiting room), the Help panel, the agenda line, popcorn hand-to with its refusals,
 * the anonymous pulse, the private nudge, and the kind words when declined or when the circle ends.
 * Effects are checked on the facilitator's and other members' own sockets.
 */

/** The machine is shared with other suites: wait generously for each step, never sleep. */
const STEP_MS = 15_000;
const LONG_TEST_MS = 90_000;

const AGREEMENTS = [
  'What is said here stays here.',
  'One voice at a time.',
  'You may always pass. Nobody has to share.',
];
const DISCLAIMER = 'This peer support group is not therapy or a crisis service.';
const RESOURCES = [
  { label: 'Crisis line (24/7)', contact: '988' },
  { label: 'Crisis text line', contact: 'Text HOME to 741741' },
  { label: 'Group organiser', contact: 'organiser@example.org' },
  { label: 'Find local support', contact: 'example.org/support' },
  { label: 'After the meeting', contact: 'Ask Sam at the door' },
];
const QUESTION = 'How supported do you feel today?';

function axeSummary(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`).join('\n');
}

/**
 * Proxies a page's Socket.IO connection so that a test can hold back the server's `state` frames
 * for a moment: the page then acts on a view the server has already moved past, which is how a
 * refusal reaches a real person (they tap just as the facilitator changes something).
 */
function stateGate() {
  let holding = false;
  const held: { ws: WebSocketRoute; frame: string | Buffer }[] = [];
  return {
    route(ws: WebSocketRoute) {
      const server = ws.connectToServer();
      ws.onMessage((frame) => server.send(frame));
      server.onMessage((frame) => {
        if (holding && typeof frame === 'string' && frame.startsWith('42["state"')) held.push({ ws, frame });
        else ws.send(frame);
      });
    },
    hold() {
      holding = true;
    },
    release() {
      holding = false;
      for (const { ws, frame } of held.splice(0)) ws.send(frame);
    },
  };
}

describe('member phone: facilitation depth (v1.1)', () => {
  let server: TestServer;
  let browser: Browser;
  let room: CreateRoomResponse;
  let facilitator: Participant<FacilitatorView>;
  const contexts: BrowserContext[] = [];
  const consoles: ReturnType<typeof collectConsoleErrors>[] = [];
  const sockets: Participant<StateView>[] = [];
  const gate = stateGate();
  let ana: Page;
  let ben: Page;
  let cleo: Participant<StateView>;
  let fay: Participant<StateView>;

  const command = async (body: Command) => {
    const answer = await httpCommand(server.url, room.code, room.facilitatorKey, body);
    expect(answer.body, `${body.type}: ${JSON.stringify(answer.body)}`).toMatchObject({ ok: true });
  };

  const memberId = async (name: string, status: 'consent' | 'waiting' | 'active' = 'active') => {
    const view = await facilitator.waitFor(
      (v) => v.members.some((m) => m.name === name && m.status === status),
      `${name} ${status}`,
      STEP_MS,
    );
    return view.members.find((m) => m.name === name)?.id ?? '';
  };

  const phone = async (name: string): Promise<Page> => {
    const context = await newFace(browser, 'phone', server.url);
    context.setDefaultTimeout(STEP_MS);
    contexts.push(context);
    consoles.push(collectConsoleErrors(context));
    // Records the phone's buzzes (a headless browser has no vibration motor).
    await context.addInitScript(() => {
      const record: unknown[] = [];
      Object.assign(window, { __vibrations: record });
      Object.defineProperty(navigator, 'vibrate', {
        configurable: true,
        value: (pattern: unknown) => record.push(pattern) > 0,
      });
    });
    const page = await context.newPage();
    if (name === 'Ana') await page.routeWebSocket(/\/socket\.io\//, (ws) => gate.route(ws));
    await page.goto(room.urls.member);
    await page.getByLabel('Your name').fill(name);
    await page.getByRole('button', { name: 'Join' }).click();
    return page;
  };

  /** A member on a plain socket who accepts the agreements and is admitted. */
  const socketMember = async (name: string): Promise<Participant<StateView>> => {
    const p = await connect<StateView>(server.url, { code: room.code, name });
    sockets.push(p);
    expect(await p.send({ type: 'consent.accept' })).toMatchObject({ ok: true });
    await command({ type: 'member.admit', memberId: await memberId(name, 'waiting') });
    await p.waitFor((v) => 'members' in v, `${name} in the circle`, STEP_MS);
    return p;
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    room = await createRoom(server.url, {
      title: 'Thursday peer circle',
      settings: { admission: 'approve', popcorn: true, turnSeconds: 180 },
      agreements: AGREEMENTS,
      disclaimer: DISCLAIMER,
      resources: RESOURCES,
      agenda: [
        { kind: 'opening', minutes: 5 },
        { kind: 'check-in', minutes: 20 },
        { kind: 'closing', minutes: 10 },
      ],
    });
    facilitator = await connectFacilitator(server.url, room);
  });

  afterAll(async () => {
    for (const p of sockets) p.close();
    facilitator?.close();
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it(
    'asks to accept the agreements, offers Help at the door, waits, and lets the member in when admitted',
    async () => {
      ana = await phone('Ana');
      await ana.getByRole('heading', { name: 'Before you join' }).waitFor();
      await ana.getByText(AGREEMENTS[2]!).waitFor();
      await ana.getByText(DISCLAIMER).waitFor();
      await screenshot(ana, 'member-depth-consent-phone');
      expect(axeSummary(await seriousAxeViolations(ana))).toBe('');

      // Help is one tap away even before entering.
      await ana.getByRole('button', { name: 'Help' }).click();
      const help = ana.getByRole('dialog', { name: 'Help and support' });
      await help.getByRole('link', { name: 'Call 988' }).waitFor();
      await screenshot(ana, 'member-depth-help-lobby-phone');
      expect(axeSummary(await seriousAxeViolations(ana))).toBe('');
      await ana.keyboard.press('Escape');
      await help.waitFor({ state: 'hidden' });

      await ana.getByRole('button', { name: 'I agree' }).click();
      await ana.getByRole('heading', { name: 'You are in the waiting room' }).waitFor();
      await ana.getByText('The facilitator will let you in shortly').waitFor();
      await screenshot(ana, 'member-depth-waiting-phone');
      expect(axeSummary(await seriousAxeViolations(ana))).toBe('');

      // The facilitator admits her over HTTP with the key.
      await command({ type: 'member.admit', memberId: await memberId('Ana', 'waiting') });
      await ana.getByText('You are Ana').waitFor();
      await ana.getByRole('heading', { name: 'Waiting for the circle to begin' }).waitFor();
    },
    LONG_TEST_MS,
  );

  it(
    'shows the current agenda segment in a small line',
    async () => {
      ben = await phone('Ben');
      await ben.getByRole('button', { name: 'I agree' }).click();
      await command({ type: 'member.admit', memberId: await memberId('Ben', 'waiting') });
      await ben.getByText('You are Ben').waitFor();
      cleo = await socketMember('Cleo');
      await socketMember('Dev');
      fay = await socketMember('Fay');

      expect(await ana.getByTestId('agenda-line').count()).toBe(0); // not begun: nothing to say
      await command({ type: 'agenda.next', from: null });
      await ana.getByTestId('agenda-line').getByText('Opening · 5 min left').waitFor();
      await command({ type: 'agenda.next', from: 0 });
      await ana.getByTestId('agenda-line').getByText('Check-in · 20 min left').waitFor();
    },
    LONG_TEST_MS,
  );

  it(
    'hands the piece to a chosen member, popcorn style, in plain words when it cannot',
    async () => {
      const [anaId, benId, cleoId, devId, fayId] = await Promise.all(
        ['Ana', 'Ben', 'Cleo', 'Dev', 'Fay'].map((name) => memberId(name)),
      );
      await command({
        type: 'round.start',
        kind: 'check-in',
        prompt: 'What are you bringing today?',
        order: [anaId!, benId!, cleoId!, devId!, fayId!],
      });
      await ana.getByRole('heading', { name: 'Your turn' }).waitFor();
      await ana.getByRole('button', { name: 'Hand the piece to…' }).click();
      for (const name of ['Ben', 'Cleo', 'Dev', 'Fay']) {
        await ana.getByRole('button', { name: `Hand the piece to ${name}` }).waitFor();
      }
      await screenshot(ana, 'member-depth-hand-to-phone');
      expect(axeSummary(await seriousAxeViolations(ana))).toBe('');

      // Dev leaves just as Ana chooses him: her phone has not heard yet.
      gate.hold();
      await command({ type: 'member.remove', memberId: devId! });
      await ana.getByRole('button', { name: 'Hand the piece to Dev' }).click();
      await ana
        .getByRole('alert')
        .getByText('Dev cannot take the piece now: they have had their turn or have left.')
        .waitFor();
      gate.release();
      await ana.getByRole('button', { name: 'Hand the piece to Dev' }).waitFor({ state: 'detached' });

      // The facilitator turns popcorn off just as Ana chooses Ben.
      gate.hold();
      await command({ type: 'room.update', popcorn: false });
      await ana.getByRole('button', { name: 'Hand the piece to Ben' }).click();
      await ana
        .getByRole('alert')
        .getByText('The facilitator has just turned off handing the piece on')
        .waitFor();
      await screenshot(ana, 'member-depth-hand-to-refused-phone');
      gate.release();
      await ana.getByRole('button', { name: 'Hand the piece to…' }).waitFor({ state: 'detached' });
      await command({ type: 'room.update', popcorn: true });

      // Ana hands the piece to Cleo: Cleo's own socket sees her turn come, out of the round's order.
      await ana.getByRole('button', { name: 'Hand the piece to…' }).click();
      await ana.getByRole('button', { name: 'Hand the piece to Cleo' }).click();
      const moved = (await cleo.waitFor(
        (v) => 'speaker' in v && v.speaker?.memberId === cleoId,
        'the piece with Cleo',
        STEP_MS,
      )) as RoomView;
      expect(moved.round?.outcomes[anaId!]).toBe('spoke');
      expect(moved.round?.outcomes[benId!]).toBe('pending');
      await ana.getByRole('heading', { name: 'Cleo is speaking' }).waitFor();
      await ben.getByText('Next: you').waitFor(); // the round goes on from Cleo, then Ben

      // Only the holder is offered the choice.
      expect(await ana.getByRole('button', { name: 'Hand the piece to…' }).count()).toBe(0);
      await command({ type: 'round.end' });
    },
    LONG_TEST_MS,
  );

  it(
    'asks the pulse question with big buttons, remembers the answer, and never counts it twice',
    async () => {
      await command({ type: 'pulse.open' });
      await ana.getByRole('heading', { name: QUESTION }).waitFor();
      await ana.getByText('Anonymous: nobody, not even the facilitator, sees who answered what.').waitFor();
      const four = ana.getByRole('button', { name: '4', exact: true });
      const box = await four.boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(56); // a big target for any thumb
      expect(box?.width).toBeGreaterThanOrEqual(44);
      await screenshot(ana, 'member-depth-pulse-phone');
      expect(axeSummary(await seriousAxeViolations(ana))).toBe('');

      expect(await cleo.send({ type: 'pulse.answer', value: 3 })).toMatchObject({ ok: true });
      expect(await fay.send({ type: 'pulse.answer', value: 5 })).toMatchObject({ ok: true });
      await four.click();
      await ana.getByText('Thank you, your answer is in.').waitFor();
      await facilitator.waitFor((v) => v.pulse?.answered === 3, 'three answers', STEP_MS);
      await screenshot(ana, 'member-depth-pulse-answered-phone');

      // A reload remembers that this phone answered (not what), and asks nothing again.
      await ana.reload();
      await ana.getByText('You are Ana').waitFor();
      await ana.getByText('Thank you, your answer is in.').waitFor();
      expect(await ana.getByRole('button', { name: '4', exact: true }).count()).toBe(0);

      // With the memory gone, a second try is refused by the server: the phone just says thank you.
      await ana.evaluate(() => sessionStorage.clear());
      await ana.reload();
      await ana.getByRole('button', { name: '2', exact: true }).click();
      await ana.getByText('Thank you, your answer is in.').waitFor();
      expect(await ana.getByRole('alert').count()).toBe(0);

      await command({ type: 'pulse.close' });
      const closed = await facilitator.waitFor((v) => v.pulse?.open === false, 'the pulse closed', STEP_MS);
      expect(closed.pulse).toMatchObject({ answered: 3, results: [0, 0, 1, 1, 1] });
      await ana.getByRole('heading', { name: QUESTION }).waitFor({ state: 'detached' });
    },
    LONG_TEST_MS,
  );

  it(
    'shows a private nudge on the holder’s phone only: a gentle banner, a buzz, read out, then gone',
    async () => {
      const nudgesElsewhere: Nudge[] = [];
      cleo.socket.on('nudge', (n) => nudgesElsewhere.push(n));
      const anaId = await memberId('Ana');
      await command({ type: 'piece.give', memberId: anaId });
      await ana.getByRole('heading', { name: 'Your turn' }).waitFor();
      await ben.getByRole('heading', { name: 'Ana is speaking' }).waitFor();

      await command({ type: 'nudge.send', kind: 'wrap-up' });
      const banner = ana.getByRole('status').filter({ hasText: 'Only you can see this' });
      await banner.getByText('When you are ready, please begin to wrap up.').waitFor();
      // One short buzz for the nudge, after the longer one that said it was her turn.
      const buzzes = await ana.evaluate(
        () => (window as unknown as { __vibrations: unknown[] }).__vibrations,
      );
      expect(buzzes.at(-1)).toEqual([150]);
      await screenshot(ana, 'member-depth-nudge-phone');
      expect(axeSummary(await seriousAxeViolations(ana))).toBe('');
      // Ben's phone and Cleo's socket hear nothing of it.
      expect(await ben.getByText('Only you can see this').count()).toBe(0);
      expect(nudgesElsewhere).toEqual([]);

      // Seen: "OK" puts it away.
      await ana.getByRole('button', { name: 'OK' }).click();
      await ana.getByText('Only you can see this').waitFor({ state: 'detached' });

      // Not seen: it goes by itself after 15 s.
      await command({ type: 'nudge.send', kind: 'breathe' });
      await ana.getByText('Take a breath. There is no rush.').waitFor();
      await ana.getByText('Take a breath. There is no rush.').waitFor({ state: 'detached', timeout: 25_000 });
      expect(nudgesElsewhere).toEqual([]);
      await command({ type: 'piece.release' });
    },
    LONG_TEST_MS,
  );

  it(
    'lists the support contacts in the Help panel, as links when they look like one',
    async () => {
      await ana.getByRole('button', { name: 'Help' }).click();
      const help = ana.getByRole('dialog', { name: 'Help and support' });
      const href = (name: string) => help.getByRole('link', { name }).getAttribute('href');
      expect(await href('Call 988')).toBe('tel:988');
      expect(await href('Text HOME to 741741')).toBe('sms:741741?body=HOME');
      expect(await href('Email organiser@example.org')).toBe('mailto:organiser@example.org');
      expect(await href('Open example.org/support')).toBe('https://example.org/support');
      expect(await help.getByRole('link', { name: 'Open example.org/support' }).getAttribute('rel')).toBe(
        'noopener noreferrer',
      );
      await help.getByText('Ask Sam at the door').waitFor(); // not a link: plain text
      await help.getByText(DISCLAIMER).waitFor();
      await help.getByText('If you are in danger right now').waitFor();
      await screenshot(ana, 'member-depth-help-phone');
      expect(axeSummary(await seriousAxeViolations(ana))).toBe('');
      await help.getByRole('button', { name: 'Close' }).click();
      await help.waitFor({ state: 'hidden' });
      // Focus returns to the Help button, so a keyboard or screen-reader user is where they were.
      expect(await ana.evaluate(() => document.activeElement?.textContent)).toBe('Help');
    },
    LONG_TEST_MS,
  );

  it(
    'tells a declined member kindly, and keeps Help there',
    async () => {
      const gus = await phone('Gus');
      await gus.getByRole('button', { name: 'I agree' }).click();
      await gus.getByRole('heading', { name: 'You are in the waiting room' }).waitFor();
      await command({ type: 'member.decline', memberId: await memberId('Gus', 'waiting') });
      await gus.getByRole('heading', { name: 'You were not let into this circle' }).waitFor();
      await gus.getByText('This is not a judgement of you.').waitFor();
      await gus.getByRole('button', { name: 'Help' }).waitFor();
      await screenshot(gus, 'member-depth-declined-phone');
      expect(axeSummary(await seriousAxeViolations(gus))).toBe('');
    },
    LONG_TEST_MS,
  );

  it(
    'says goodbye kindly when the circle ends, with the support contacts still at hand',
    async () => {
      await command({ type: 'room.end' });
      await ana.getByRole('heading', { name: 'This circle has ended' }).waitFor();
      await ana.getByText('Thank you for being part of it.').waitFor();
      await screenshot(ana, 'member-depth-ended-phone');
      await ana.getByRole('button', { name: 'Help' }).click();
      await ana
        .getByRole('dialog', { name: 'Help and support' })
        .getByRole('link', { name: 'Call 988' })
        .waitFor();
      await screenshot(ana, 'member-depth-ended-help-phone');
      expect(axeSummary(await seriousAxeViolations(ana))).toBe('');
    },
    LONG_TEST_MS,
  );

  it('logged no console error on any phone', () => {
    for (const console of consoles) console.assertNone();
  });
});
