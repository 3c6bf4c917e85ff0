import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectConsoleErrors,
  launchBrowser,
  newFace,
  screenshot,
  seriousAxeViolations,
  viewports,
} from '../helpers/browser';
import { startServer, type TestServer } from '../helpers/server';

describe('start page, with a real server and Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let console_: ReturnType<typeof collectConsoleErrors>;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await newFace(browser, 'laptop', server.url);
    // The one expected error: Chromium logs the 404 of the room that does not exist.
    console_ = collectConsoleErrors(context, [/\/j\/ZZZZZZ: Failed to load resource: .* 404/]);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('offers to start a circle or join one, at every size', async () => {
    await page.goto('/');
    await page.getByRole('heading', { name: 'Start a circle' }).waitFor();
    await page.getByRole('heading', { name: 'Join a room' }).waitFor();
    for (const size of ['phone', 'laptop', 'hd'] as const) {
      await page.setViewportSize(viewports[size]);
      await screenshot(page, `home-${size}`);
    }
    await page.setViewportSize(viewports.laptop);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('refuses a turn length out of range without calling the server', async () => {
    await page.getByLabel('Name of the circle').fill('Evening circle');
    await page.getByLabel('Minutes').fill('0');
    await page.getByLabel('Seconds').fill('5');
    await page.getByRole('button', { name: 'Create the room' }).click();
    await page.getByText('A turn lasts from 10 seconds to 60 minutes.').waitFor();
  });

  it('creates a room and shows the code, the QR code and the three ways in', async () => {
    await page.getByLabel('Minutes').fill('1');
    await page.getByLabel('Seconds').fill('30');
    await page.getByRole('button', { name: 'Create the room' }).click();
    await page.getByRole('heading', { name: 'Your room is ready' }).waitFor();
    const code = (await page.locator('.room-code').textContent())?.replace('Room code', '').trim() ?? '';
    expect(code).toMatch(/^[A-HJ-KM-NP-Z2-9]{6}$/);
    await page.getByRole('img', { name: `QR code for the member link of room ${code}` }).waitFor();
    const dashboard = await page
      .getByRole('link', { name: 'Open the facilitator dashboard' })
      .getAttribute('href');
    expect(dashboard).toMatch(new RegExp(`/f/${code}#key=.+`));
    const member = await page.getByRole('link', { name: new RegExp(`/j/${code}$`) }).getAttribute('href');
    expect(member).toMatch(new RegExp(`^http://.+/j/${code}$`));
    for (const size of ['phone', 'laptop', 'hd'] as const) {
      await page.setViewportSize(viewports[size]);
      await screenshot(page, `home-created-${size}`);
    }
    await page.setViewportSize(viewports.laptop);
    expect(await seriousAxeViolations(page)).toEqual([]);

    const [display] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Open the display in a new window' }).click(),
    ]);
    await display.getByRole('heading', { name: 'Waiting for the circle to begin' }).waitFor();
    expect(new URL(display.url()).hash).toBe('');
    await display.close();
  });

  it('takes a typed code to the join page of that room', async () => {
    const code = (await page.locator('.room-code').textContent())?.replace('Room code', '').trim() ?? '';
    await page.goto('/j');
    await page.getByLabel('Room code').fill('nope');
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByText('A room code has 6 letters and digits').waitFor();
    await page.getByLabel('Room code').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByRole('heading', { name: 'Join “Evening circle”' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/j/${code}`);
  });

  it('says plainly when a room does not exist or a link has no key', async () => {
    await page.goto('/j/ZZZZZZ');
    await page.getByRole('heading', { name: 'Room not found' }).waitFor();
    await page.goto('/d/ZZZZZZ');
    await page.getByRole('heading', { name: 'This display link has no key' }).waitFor();
  });

  it('logged no console error', () => {
    console_.assertNone();
  });
});
