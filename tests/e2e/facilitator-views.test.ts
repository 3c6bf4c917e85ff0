import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateRoomResponse } from '../../shared/http';
import type { RoomView } from '../../shared/views';
import {
  collectConsoleErrors,
  launchBrowser,
  newFace,
  screenshot,
  seriousAxeViolations,
} from '../helpers/browser';
import { connectMember, createRoom, httpCommand, type Participant } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/server';

/** The dashboard's states at laptop, 1080p and tablet sizes: screenshots, axe, drag and drop. */
const TABLET = { width: 768, height: 1024 };

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openDashboard(context: BrowserContext, room: CreateRoomResponse): Promise<Page> {
  const page = await context.newPage();
  // Fail at the step that did not happen, not at the test's overall timeout.
  page.setDefaultTimeout(5000);
  await page.goto(room.urls.facilitator);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

function axeSummary(violations: Awaited<ReturnType<typeof seriousAxeViolations>>): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`).join('\n');
}

describe('facilitator dashboard views', () => {
  it('shows an empty room with the join link, accessibly', async () => {
    const room = await createRoom(server.url, { title: 'Empty circle' });
    const context = await newFace(browser, 'laptop', server.url);
    const errors = collectConsoleErrors(context);
    const page = await openDashboard(context, room);
    await page.getByRole('heading', { name: 'Invite people to join' }).waitFor();
    await page.getByText('Nobody has joined yet', { exact: false }).waitFor();
    await screenshot(page, 'facilitator-empty-laptop');
    expect(axeSummary(await seriousAxeViolations(page))).toBe('');
    errors.assertNone();
    await context.close();
  });

  it('says plainly when the facilitator link is not valid', async () => {
    const room = await createRoom(server.url);
    const context = await newFace(browser, 'laptop', server.url);
    const page = await context.newPage();
    await page.goto(`${new URL(room.urls.facilitator).origin}/f/${room.code}#key=not-the-key`);
    await page.getByRole('heading', { name: 'This facilitator link is not valid' }).waitFor();
    await screenshot(page, 'facilitator-bad-key');
    expect(axeSummary(await seriousAxeViolations(page))).toBe('');
    await context.close();
  });

  it('shows the ended state when the room ends', async () => {
    const room = await createRoom(server.url);
    const context = await newFace(browser, 'laptop', server.url);
    const errors = collectConsoleErrors(context);
    const page = await openDashboard(context, room);
    const ended = await httpCommand(server.url, room.code, room.facilitatorKey, { type: 'room.end' });
    expect(ended.status).toBe(200);
    await page.getByRole('heading', { name: 'This room has ended' }).waitFor();
    errors.assertNone();
    await context.close();
  });

  it('says it is reconnecting and disables its controls when the server goes away', {
    timeout: 60_000,
  }, async () => {
    const own = await startServer();
    const room = await createRoom(own.url);
    const context = await newFace(browser, 'laptop', own.url);
    const page = await openDashboard(context, room);
    await page.getByText('Connected', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Lock room' }).isEnabled()).toBe(true);
    await own.close();
    await page.getByText('Reconnecting… Controls are paused until the connection is back.').waitFor();
    expect(await page.getByRole('button', { name: 'Lock room' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Start round' }).isDisabled()).toBe(true);
    await screenshot(page, 'facilitator-reconnecting');
    await context.close();
  });

  it('lets a waiting member in when admission is by approval', async () => {
    const room = await createRoom(server.url, {
      title: 'Approval circle',
      settings: { admission: 'approve' },
    });
    const context = await newFace(browser, 'laptop', server.url);
    const errors = collectConsoleErrors(context);
    const page = await openDashboard(context, room);
    const wren = await connectMember(server.url, room, 'Wren');
    await page.getByText('Waiting for you to let them in').waitFor();
    await screenshot(page, 'facilitator-at-the-door');
    expect(axeSummary(await seriousAxeViolations(page))).toBe('');
    await page.getByRole('button', { name: 'Admit Wren' }).click();
    await page.getByRole('button', { name: 'Give the talking piece to Wren' }).waitFor();
    await wren.waitFor(
      (v) => 'members' in v && v.members.some((m) => m.name === 'Wren'),
      'Wren in the circle',
    );
    wren.close();
    errors.assertNone();
    await context.close();
  });

  describe('a room in session', () => {
    let room: CreateRoomResponse;
    let context: BrowserContext;
    let page: Page;
    const members: Participant<RoomView>[] = [];

    beforeAll(async () => {
      room = await createRoom(server.url, { title: 'Thursday peer support' });
      context = await newFace(browser, 'laptop', server.url);
      page = await openDashboard(context, room);
      for (const name of ['Ana', 'Ben', 'Cleo Montgomery-Smith', 'Dan']) {
        members.push(await connectMember(server.url, room, name));
      }
      await page.getByText('4 in the room · 4 online').waitFor();
    });

    afterAll(async () => {
      for (const m of members) m.close();
      await context?.close();
    });

    it('reorders the seating by drag and drop', async () => {
      const [ana, ben, cleo, dan] = members.map((m) => m.welcome.memberId ?? '');
      const row = (name: string) => page.locator('.fac-member', { hasText: name });
      await row('Ana').dragTo(row('Cleo Montgomery-Smith'));
      await members[0]!.waitFor(
        (v) => v.order.join() === [ben, cleo, ana, dan].join(),
        'Ana dropped on Cleo',
      );
      await row('Dan').dragTo(row('Ben'));
      await members[0]!.waitFor((v) => v.order.join() === [dan, ben, cleo, ana].join(), 'Dan dropped on Ben');
      await page.locator('.fac-member').first().getByText('Dan').waitFor();
    });

    it('looks right with a round, hands and a signal, at laptop, 1080p and tablet sizes', async () => {
      const errors = collectConsoleErrors(context);
      const [ana, ben, cleo, dan] = members as [
        Participant<RoomView>,
        Participant<RoomView>,
        Participant<RoomView>,
        Participant<RoomView>,
      ];
      await page.getByLabel('Prompt (optional)').fill('What are you bringing into the circle today?');
      await page.getByRole('button', { name: 'Start round' }).click();
      await page.getByText('Check-in round').waitFor();
      await page.keyboard.press('PageDown'); // what a presentation clicker sends
      await ben.waitFor((v) => v.speaker?.memberId === ben.welcome.memberId, 'Ben speaking');
      await cleo.send({ type: 'hand.raise' });
      await ana.send({ type: 'hand.raise' });
      await ana.send({ type: 'signal.send', kind: 'need-a-moment' });
      await dan.send({ type: 'signal.send', kind: 'slow-down' });
      dan.close();
      await page.getByText('3 online', { exact: false }).waitFor();
      await page.getByText('2 waiting').waitFor();
      await page.getByText('Not spoken yet:').waitFor();

      await screenshot(page, 'facilitator-laptop');
      expect(axeSummary(await seriousAxeViolations(page))).toBe('');

      await page.setViewportSize({ width: 1920, height: 1080 });
      await screenshot(page, 'facilitator-1080p');

      await page.setViewportSize(TABLET);
      await screenshot(page, 'facilitator-tablet');
      expect(axeSummary(await seriousAxeViolations(page))).toBe('');
      // Nothing sticks out sideways at 768 px.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        TABLET.width,
      );

      await page.setViewportSize({ width: 1366, height: 768 });
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await screenshot(page, 'facilitator-shortcuts');
      expect(axeSummary(await seriousAxeViolations(page))).toBe('');
      await page.keyboard.press('Escape');
      errors.assertNone();
    });
  });
});
