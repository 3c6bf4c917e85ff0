import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateRoomResponse } from '../../shared/http';
import type { FacilitatorView, RoomView } from '../../shared/views';
import { collectConsoleErrors, launchBrowser, newFace } from '../helpers/browser';
import { connectFacilitator, connectMember, createRoom, type Participant } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/server';

/**
 * The facilitator dashboard driven by the keyboard alone: every control is reached with Tab and
 * operated with Enter, Space, arrows or the dashboard's shortcuts; effects are checked in the
 * state the members' own sockets receive.
 */
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The focused element's accessible name, roughly as a screen reader would say it. */
function focusedName(page: Page): Promise<{ name: string; outline: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: '', outline: 'none' };
    const label =
      el.getAttribute('aria-label') ??
      (el instanceof HTMLInputElement || el instanceof HTMLSelectElement
        ? el.labels?.[0]?.textContent
        : null) ??
      el.textContent ??
      '';
    const style = getComputedStyle(el);
    return {
      name: label.replace(/\s+/g, ' ').trim(),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });
}

/**
 * Presses Tab until the focused control's name matches: proof that it can be reached by keyboard.
 * Every stop must show a visible focus ring.
 */
async function tabTo(page: Page, name: RegExp, maxTabs = 150): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const focused = await focusedName(page);
    if (name.test(focused.name)) {
      expect(focused.outline, `focus ring on "${focused.name}"`).not.toMatch(/^none|\b0px$/);
      return;
    }
  }
  throw new Error(`Tab never reached a control named ${name}`);
}

/** Waits for a state newer than the participant's latest one now: for effects that repeat an earlier state. */
function next<V extends RoomView>(p: Participant<V>, predicate: (v: V) => boolean, what: string): Promise<V> {
  const after = p.latest().version;
  return p.waitFor((v) => v.version > after && predicate(v), what);
}

describe('facilitator dashboard by keyboard', () => {
  let room: CreateRoomResponse;
  let context: BrowserContext;
  let page: Page;
  let ana: Participant<RoomView>;
  let ben: Participant<RoomView>;
  let cleo: Participant<RoomView>;
  let watcher: Participant<FacilitatorView>;
  const id = (p: Participant<RoomView>) => p.welcome.memberId ?? '';

  beforeAll(async () => {
    room = await createRoom(server.url, { title: 'Tuesday circle' });
    context = await newFace(browser, 'laptop', server.url);
    page = await context.newPage();
    // Fail at the step that did not happen, not at the test's overall timeout.
    page.setDefaultTimeout(5000);
  });

  afterAll(async () => {
    for (const p of [ana, ben, cleo, watcher]) p?.close();
    await context?.close();
  });

  it('runs a whole circle without a mouse', async () => {
    const consoleErrors = collectConsoleErrors(context);
    await page.goto(room.urls.facilitator);
    await page.getByRole('heading', { level: 1, name: 'Tuesday circle' }).waitFor();

    // Empty room: the join link is shown prominently.
    const joinUrl = `${new URL(room.urls.facilitator).origin}/j/${room.code}`;
    await page.getByRole('heading', { name: 'Invite people to join' }).waitFor();
    expect(await page.getByRole('link', { name: joinUrl }).isVisible()).toBe(true);

    // A refused command shows as a toast: nobody is online to start a round with.
    await tabTo(page, /^Start round$/);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Nobody is online to take a turn.' }).waitFor();

    watcher = await connectFacilitator(server.url, room);
    ana = await connectMember(server.url, room, 'Ana');
    ben = await connectMember(server.url, room, 'Ben');
    cleo = await connectMember(server.url, room, 'Cleo');
    await page.getByText('3 in the room · 3 online').waitFor();

    // Start a round: kind by arrow key in the select, a typed prompt, then Enter.
    await tabTo(page, /^Kind$/);
    await page.keyboard.press('ArrowDown'); // check-in → go-around
    await tabTo(page, /^Prompt/);
    await page.keyboard.type('What brought you here today?');
    await tabTo(page, /^Start round$/);
    await page.keyboard.press('Enter');
    await ana.waitFor(
      (v) =>
        v.round?.kind === 'go-around' &&
        v.round.prompt === 'What brought you here today?' &&
        v.speaker?.memberId === id(ana),
      'a go-around round with Ana speaking',
    );
    await page.getByText('Go-around round').waitFor();

    // N moves the round on from the holder the dashboard saw.
    await page.keyboard.press('n');
    const benSpeaking = await ben.waitFor((v) => v.speaker?.memberId === id(ben), 'Ben speaking');
    expect(benSpeaking.round?.outcomes[id(ana)]).toBe('spoke');
    await page.getByText('Ben is speaking').waitFor();

    // Space pauses and resumes the timer.
    await page.keyboard.press(' ');
    await ben.waitFor((v) => v.timer !== null && v.timer.startedAt === null, 'the timer paused');
    await page.getByText(/On time · Paused/).waitFor();
    await page.keyboard.press(' ');
    await ben.waitFor(
      (v) => v.timer !== null && v.timer.startedAt !== null && v.timer.elapsedMs > 0,
      'resumed',
    );

    // +30 s and −30 s.
    await tabTo(page, /add 30 seconds$/);
    await page.keyboard.press('Enter');
    await ben.waitFor((v) => v.timer?.durationMs === 150_000, 'the timer at 2:30');
    const backToTwo = next(ben, (v) => v.timer?.durationMs === 120_000, 'the timer back at 2:00');
    await tabTo(page, /take 30 seconds off$/);
    await page.keyboard.press('Space');
    await backToTwo;

    // Reset stops the timer at full time; the Start/Resume button (Space on it) runs it again.
    await tabTo(page, /^Reset$/);
    await page.keyboard.press('Enter');
    await ben.waitFor((v) => v.timer?.startedAt === null && v.timer.elapsedMs === 0, 'the timer reset');
    await page.getByText('Ready', { exact: false }).first().waitFor();
    const runningAgain = next(ben, (v) => v.timer?.startedAt !== null, 'the timer running again');
    await tabTo(page, /^Start timer/);
    await page.keyboard.press('Space');
    await runningAgain;

    // H calls the next raised hand.
    await cleo.send({ type: 'hand.raise' });
    await page.locator('.fac-queue').getByText('Cleo').waitFor();
    await page.keyboard.press('h');
    await cleo.waitFor((v) => v.speaker?.memberId === id(cleo) && v.hands.length === 0, 'Cleo called');

    // A signal arrives, is announced politely, and is dismissed from the keyboard.
    await ana.send({ type: 'signal.send', kind: 'need-a-moment' });
    await page.getByText('New signal: Ana needs a moment.').waitFor({ state: 'attached' });
    expect(await page.getByText('New signal: Ana needs a moment.').getAttribute('aria-live')).toBe('polite');
    const dismissed = next(watcher, (v) => v.signals.length === 0, 'the signal dismissed');
    await tabTo(page, /^Dismiss: Ana needs a moment$/);
    await page.keyboard.press('Enter');
    await dismissed;
    await page.getByText('No signals.', { exact: false }).waitFor();

    // Reorder with the move button, then with Alt+↑ on the same (still focused) row.
    await tabTo(page, /^Move Ana down$/);
    await page.keyboard.press('Enter');
    await ana.waitFor((v) => v.order.join() === [id(ben), id(ana), id(cleo)].join(), 'Ana moved down');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Move Ana down');
    await page.keyboard.press('Alt+ArrowUp');
    await ana.waitFor((v) => v.order.join() === [id(ana), id(ben), id(cleo)].join(), 'Ana moved back up');

    // Give the piece by activating a member's name.
    const benGiven = next(ben, (v) => v.speaker?.memberId === id(ben), 'Ben given the piece');
    await tabTo(page, /^Give the talking piece to Ben$/);
    await page.keyboard.press('Enter');
    await benGiven;

    // Release the piece.
    await tabTo(page, /^Release piece$/);
    await page.keyboard.press('Enter');
    await ana.waitFor((v) => v.speaker === null, 'the piece free');

    // End the round.
    await tabTo(page, /^End round$/);
    await page.keyboard.press('Enter');
    await ana.waitFor((v) => v.round !== null && v.round.endedAt !== null, 'the round ended');

    // Lock the room.
    await tabTo(page, /^Lock room$/);
    await page.keyboard.press('Enter');
    await ana.waitFor((v) => v.settings.locked, 'the room locked');
    await page.getByText('Locked: nobody new can join').waitFor();

    // Settings: open the disclosure, change the queue order, save.
    await tabTo(page, /^Room settings$/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^Hand queue order$/);
    await page.keyboard.press('ArrowDown');
    await tabTo(page, /^Save settings$/);
    await page.keyboard.press('Enter');
    await ana.waitFor((v) => v.settings.queueOrder === 'least-spoken', 'progressive stack');
    await page.getByText('Served least spoken first (progressive stack).').waitFor();

    // ? lists the shortcuts; Escape closes the list.
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.getByText('Call the next raised hand').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // Remove a member, through the confirm step.
    await tabTo(page, /^Remove Cleo from the room$/);
    await page.keyboard.press('Enter');
    expect((await focusedName(page)).name).toBe('Keep');
    await page.keyboard.press('Shift+Tab');
    expect((await focusedName(page)).name).toBe('Remove');
    await page.keyboard.press('Enter');
    await ana.waitFor((v) => !v.members.some((m) => m.id === id(cleo)), 'Cleo removed');
    await page.getByText('2 in the room · 2 online').waitFor();

    consoleErrors.assertNone();
  });
});
