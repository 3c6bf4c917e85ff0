import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateRoomResponse } from '../../shared/http';
import {
  collectConsoleErrors,
  launchBrowser,
  newFace,
  screenshot,
  seriousAxeViolations,
  type ViewportName,
  viewports,
} from '../helpers/browser';
import { createRoom, httpCommand } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/server';

const PROMPT = 'What are you bringing into the circle today?';
const SIZES: ViewportName[] = ['phone', 'laptop', 'hd'];

/** Joins through the member link on a phone, as a person would after scanning the QR code. */
async function joinAs(phone: Page, room: CreateRoomResponse, name: string): Promise<void> {
  await phone.goto(room.urls.member);
  await phone.getByLabel('Your name').fill(name);
  await phone.getByRole('button', { name: 'Join' }).click();
  await phone.getByText(`You are ${name}`).waitFor();
}

async function screenshotAtSizes(page: Page, name: string): Promise<void> {
  const original = page.viewportSize();
  for (const size of SIZES) {
    await page.setViewportSize(viewports[size]);
    await screenshot(page, `${name}-${size}`);
  }
  if (original !== null) await page.setViewportSize(original);
}

describe('member phone and room display, with a real server and Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let room: CreateRoomResponse;
  const contexts: BrowserContext[] = [];
  const consoles: ReturnType<typeof collectConsoleErrors>[] = [];
  let ana: Page;
  let ben: Page;
  let display: Page;

  const face = async (viewport: ViewportName) => {
    const context = await newFace(browser, viewport, server.url);
    contexts.push(context);
    consoles.push(collectConsoleErrors(context));
    return context.newPage();
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    room = await createRoom(server.url, { title: 'Tuesday circle', settings: { turnSeconds: 90 } });
    ana = await face('phone');
    ben = await face('phone');
    display = await face('hd');
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the idle display with the join code before the circle begins', async () => {
    await display.goto(room.urls.display);
    await display.getByRole('heading', { name: 'Waiting for the circle to begin' }).waitFor();
    expect(new URL(display.url()).hash).toBe(''); // the key left the address bar
    expect(await display.getByText(room.code, { exact: true }).count()).toBeGreaterThan(0);
    await screenshotAtSizes(display, 'display-idle');
  });

  it('lets two members join through the member link', async () => {
    await joinAs(ana, room, 'Ana');
    await joinAs(ben, room, 'Ben');
    await ana.getByRole('heading', { name: 'Waiting for the circle to begin' }).waitFor();
    await screenshotAtSizes(ana, 'member-waiting');
  });

  it('tells the first member it is their turn when the facilitator starts a round', async () => {
    const started = await httpCommand(server.url, room.code, room.facilitatorKey, {
      type: 'round.start',
      kind: 'check-in',
      prompt: PROMPT,
    });
    expect(started.body.ok).toBe(true);
    await ana.getByRole('heading', { name: 'Your turn' }).waitFor();
    await ana.getByRole('button', { name: 'Done' }).waitFor();
    await ana.getByText('Next: Ben').waitFor();
    await ben.getByRole('heading', { name: 'Ana is speaking' }).waitFor();
    await ben.getByText('You are next.').waitFor();
    await ben.getByText('Turn 1 of 2').waitFor();
    await screenshotAtSizes(ana, 'member-your-turn');
    await screenshotAtSizes(ben, 'member-listening');
  });

  it('shows the speaker, the prompt and a m:ss countdown on the display', async () => {
    await display.getByRole('heading', { name: 'Ana' }).waitFor();
    await display.getByText(PROMPT).waitFor();
    const clock = await display.getByTestId('countdown').textContent();
    expect(clock).toMatch(/^1:([0-2]\d|30)$/); // a 90 s turn, at most a few seconds in
    await display.getByText('Next: Ben').waitFor();
    await screenshotAtSizes(display, 'display-speaking');
  });

  it('moves the piece to the next member when the speaker presses Done', async () => {
    await ana.getByRole('button', { name: 'Done' }).click();
    await ben.getByRole('heading', { name: 'Your turn' }).waitFor();
    await ana.getByRole('heading', { name: 'Ben is speaking' }).waitFor();
    await ana.getByText('You have spoken in this round.').waitFor();
    await display.getByRole('heading', { name: 'Ben' }).waitFor();
  });

  it('raises a hand with its place in the queue and sends a private signal', async () => {
    await ana.getByRole('button', { name: 'Raise my hand' }).click();
    await ana.getByText('Your hand is raised: you are 1st in line.').waitFor();
    await ana.getByRole('button', { name: 'Send a private signal' }).click();
    await ana.getByRole('button', { name: 'I need a moment' }).click();
    await ana.getByText('sent privately to the facilitator').waitFor();
    await screenshotAtSizes(ana, 'member-hand-raised');
  });

  it('says "Wrap up" and then "Time" with overtime on the display, not by colour alone', async () => {
    const command = (body: object) => httpCommand(server.url, room.code, room.facilitatorKey, body);
    expect((await command({ type: 'timer.start', seconds: 3 })).body.ok).toBe(true); // under warnSeconds (30)
    await display.locator('[data-phase="warn"]').getByText('Wrap up').waitFor();
    await screenshotAtSizes(display, 'display-wrap-up');
    await display
      .locator('[data-phase="over"]')
      .getByText('Time', { exact: true })
      .waitFor({ timeout: 6000 });
    expect(await display.getByTestId('countdown').textContent()).toMatch(/^\+0:0\d$/);
    await ben.locator('[data-phase="over"]').waitFor();
    await screenshotAtSizes(display, 'display-overtime');
    await screenshotAtSizes(ben, 'member-overtime');
  });

  it('has no serious or critical accessibility issue on the member and display faces', async () => {
    expect(await seriousAxeViolations(ana)).toEqual([]);
    expect(await seriousAxeViolations(ben)).toEqual([]);
    expect(await seriousAxeViolations(display)).toEqual([]);
  });

  it('shows the ended state on every face when the facilitator ends the circle', async () => {
    const ended = await httpCommand(server.url, room.code, room.facilitatorKey, { type: 'room.end' });
    expect(ended.body.ok).toBe(true);
    await display.getByRole('heading', { name: 'This circle has ended' }).waitFor();
    await ana.getByRole('heading', { name: 'This circle has ended' }).waitFor();
    await ben.getByRole('heading', { name: 'This circle has ended' }).waitFor();
    await screenshot(ana, 'member-ended-phone');
    await screenshot(display, 'display-ended-hd');
  });

  it('logged no console error on any face', () => {
    for (const console of consoles) console.assertNone();
  });
});
