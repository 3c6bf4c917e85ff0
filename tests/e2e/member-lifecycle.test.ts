import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateRoomResponse } from '../../shared/http';
import {
  collectConsoleErrors,
  launchBrowser,
  newFace,
  screenshot,
  seriousAxeViolations,
} from '../helpers/browser';
import { connectFacilitator, createRoom, httpCommand } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/server';

async function join(phone: Page, room: CreateRoomResponse, name: string): Promise<void> {
  await phone.goto(room.urls.member);
  await phone.getByLabel('Your name').fill(name);
  await phone.getByRole('button', { name: 'Join' }).click();
}

describe('member phone: resuming, refusals, reconnecting, removal and agreements', () => {
  let server: TestServer;
  let browser: Browser;
  let room: CreateRoomResponse;
  const contexts: BrowserContext[] = [];
  const consoles: ReturnType<typeof collectConsoleErrors>[] = [];

  const phone = async () => {
    const context = await newFace(browser, 'phone', server.url);
    contexts.push(context);
    // Taking the network away makes Chromium log the failed reconnection attempts.
    consoles.push(collectConsoleErrors(context, [/WebSocket connection to .* failed/]));
    return { context, page: await context.newPage() };
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    room = await createRoom(server.url, { title: 'Thursday circle' });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('resumes as the same member after a reload, without joining again', async () => {
    const { page } = await phone();
    await join(page, room, 'Ana');
    await page.getByText('You are Ana').waitFor();
    await page.reload();
    await page.getByText('You are Ana').waitFor();
    expect(await page.getByLabel('Your name').count()).toBe(0);
  });

  it('asks for an initial when the name is taken, keeping what was typed', async () => {
    const { page } = await phone();
    await join(page, room, 'ana');
    await page.getByText('Try adding an initial').waitFor();
    expect(await page.getByLabel('Your name').inputValue()).toBe('ana');
    await screenshot(page, 'member-name-taken-phone');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('Your name').fill('Ana B');
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByText('You are Ana B').waitFor();
  });

  it('shows "Reconnecting…" and disables its buttons while offline, then recovers', async () => {
    const { context, page } = await phone();
    await join(page, room, 'Cleo');
    const raise = page.getByRole('button', { name: 'Raise my hand' });
    await raise.waitFor();
    await context.setOffline(true);
    await page.getByText('Reconnecting…').waitFor();
    expect(await raise.isDisabled()).toBe(true);
    await screenshot(page, 'member-reconnecting-phone');
    await context.setOffline(false);
    await page.getByText('Reconnecting…').waitFor({ state: 'detached' });
    await page.waitForFunction(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Raise my hand');
      return button !== undefined && !button.disabled;
    });
    await raise.click();
    await page.getByText('Your hand is raised').waitFor();
  });

  it('says so when the facilitator removes the member', async () => {
    const { page } = await phone();
    await join(page, room, 'Dev');
    await page.getByText('You are Dev').waitFor();
    const facilitator = await connectFacilitator(server.url, room);
    const dev = facilitator.latest().members.find((m) => m.name === 'Dev');
    facilitator.close();
    expect(dev).toBeDefined();
    const removed = await httpCommand(server.url, room.code, room.facilitatorKey, {
      type: 'member.remove',
      memberId: dev?.id,
    });
    expect(removed.body.ok).toBe(true);
    await page.getByRole('heading', { name: 'You have left this circle' }).waitFor();
    await page.reload(); // the token is gone: the phone asks for a name again
    await page.getByLabel('Your name').waitFor();
  });

  it('asks to accept the agreements first when the room has some', async () => {
    const withAgreements = await createRoom(server.url, {
      title: 'Agreements circle',
      agreements: ['What is said here stays here.', 'Speak from your own experience.'],
    });
    const { page } = await phone();
    await join(page, withAgreements, 'Eli');
    await page.getByRole('heading', { name: 'Before you join' }).waitFor();
    await page.getByText('What is said here stays here.').waitFor();
    await screenshot(page, 'member-agreements-phone');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'I agree' }).click();
    await page.getByText('You are Eli').waitFor();
    await page.getByText('Our agreements').waitFor(); // still at hand, folded away

    const projector = await newFace(browser, 'hd', server.url);
    contexts.push(projector);
    const display = await projector.newPage();
    await display.goto(withAgreements.urls.display);
    await display.getByRole('heading', { name: 'Our agreements' }).waitFor();
    await display.getByText('Speak from your own experience.').waitFor();
    await screenshot(display, 'display-idle-agreements-hd');
  });

  it('logged no unexpected console error', () => {
    for (const console of consoles) console.assertNone();
  });
});
