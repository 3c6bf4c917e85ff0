import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateRoomResponse } from '../../shared/http';
import { collectConsoleErrors, launchBrowser, newFace } from '../helpers/browser';
import { connectMember, createRoom, httpCommand, type Participant } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/server';

const MINUTE = 60_000;
/** Device clocks wrong by minutes, both ways: the countdown must not care. */
const SHIFTS = [0, 7 * MINUTE, -4 * MINUTE];

async function countdowns(pages: Page[]): Promise<string[]> {
  return Promise.all(
    pages.map((page) =>
      page
        .getByTestId('countdown')
        .textContent()
        .then((t) => t ?? ''),
    ),
  );
}

describe('clock-offset correction on the display', () => {
  let server: TestServer;
  let browser: Browser;
  let room: CreateRoomResponse;
  let speaker: Participant;
  const contexts: BrowserContext[] = [];
  const consoles: ReturnType<typeof collectConsoleErrors>[] = [];
  const pages: Page[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    room = await createRoom(server.url, { title: 'Clock check' });
    speaker = await connectMember(server.url, room, 'Ana');
    const started = await httpCommand(server.url, room.code, room.facilitatorKey, {
      type: 'round.start',
      kind: 'go-around',
      turnSeconds: 600,
    });
    expect(started.body.ok).toBe(true);
    for (const shift of SHIFTS) {
      const context = await newFace(browser, 'laptop', server.url);
      // The device's clock starts `shift` ms off the real time and then runs at the normal rate.
      if (shift !== 0) await context.clock.install({ time: Date.now() + shift });
      contexts.push(context);
      consoles.push(collectConsoleErrors(context));
      pages.push(await context.newPage());
    }
  });

  afterAll(async () => {
    speaker?.close();
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('runs the pages on clocks minutes apart', async () => {
    for (const [i, page] of pages.entries()) {
      await page.goto(room.urls.display);
      const skew = (await page.evaluate(() => Date.now())) - Date.now();
      expect(Math.abs(skew - (SHIFTS[i] ?? 0))).toBeLessThan(5000);
    }
  });

  it('shows the same remaining seconds on every page once the offset is measured', async () => {
    for (const page of pages) {
      await page.locator('[data-clock="synced"]').waitFor();
      await page.getByTestId('countdown').waitFor();
    }
    // The three reads run in parallel but may still straddle a second's flip: read again then.
    let shown = await countdowns(pages);
    for (let attempt = 0; attempt < 5 && new Set(shown).size > 1; attempt++) shown = await countdowns(pages);
    const [first] = shown;
    expect(first).toMatch(/^(10:00|9:[0-5]\d)$/);
    expect(shown).toEqual(SHIFTS.map(() => first));
  });

  it('logged no console error', () => {
    for (const console of consoles) console.assertNone();
  });
});
