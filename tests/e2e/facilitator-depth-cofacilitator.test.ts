import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacilitatorView, RoomView } from '../../shared/views';
import {
  collectConsoleErrors,
  launchBrowser,
  newFace,
  screenshot,
  seriousAxeViolations,
} from '../helpers/browser';
import { connect, connectMember, createRoom } from '../helpers/clients';
import { startServer, type TestServer } from '../helpers/server';

/**
 * Rotating leadership end to end: a member who joined on their own device is made co-facilitator
 * from the key holder's dashboard; their page becomes the dashboard (they receive the facilitator
 * view, `welcome.role === 'cofacilitator'`), they run the agenda from it, step back, and their
 * page is a member's phone again.
 */
let server: TestServer;
let browser: Browser;
const STEP_MS = 15_000;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function axeSummary(violations: Awaited<ReturnType<typeof seriousAxeViolations>>): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`).join('\n');
}

describe('a co-facilitator on their own device', () => {
  it('gets the dashboard, runs the agenda from it, and steps back', async () => {
    const room = await createRoom(server.url, {
      title: 'Peer-led circle',
      agenda: [
        { kind: 'opening', minutes: 5 },
        { kind: 'check-in', minutes: 20 },
      ],
    });
    const keyHolder = await connect<FacilitatorView>(server.url, {
      code: room.code,
      facilitatorKey: room.facilitatorKey,
    });
    const ben = await connectMember(server.url, room, 'Ben');

    const context = await newFace(browser, 'laptop', server.url);
    const errors = collectConsoleErrors(context);
    const page: Page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    await page.goto(room.urls.member);
    await page.getByLabel('Your name').fill('Ana');
    await page.getByRole('button', { name: 'Join' }).click();
    const joined = await keyHolder.waitFor(
      (v) => v.members.some((m) => m.name === 'Ana' && m.status === 'active'),
      'Ana in the circle',
      STEP_MS,
    );
    const anaId = joined.members.find((m) => m.name === 'Ana')?.id ?? '';

    expect((await keyHolder.send({ type: 'member.role', memberId: anaId, role: 'cofacilitator' })).ok).toBe(
      true,
    );
    await page.getByText('Co-facilitator · room', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'Peer-led circle', level: 1 }).waitFor();
    const lead = page.getByRole('region', { name: 'Shared leadership' });
    await lead.getByText('(you)').waitFor();

    // She runs the agenda from her own dashboard; the room moves for everyone.
    await page.getByRole('button', { name: 'Start the agenda' }).click();
    await ben.waitFor((v: RoomView) => v.agenda?.index === 0, 'the opening for Ben', STEP_MS);
    await page.getByText('Segment 1 of 2').waitFor();
    await screenshot(page, 'facilitator-depth-cofacilitator-laptop');
    expect(axeSummary(await seriousAxeViolations(page))).toBe('');

    await lead.getByRole('button', { name: 'Step back: stop being co-facilitator' }).click();
    await keyHolder.waitFor(
      (v) => v.members.some((m) => m.id === anaId && m.role === 'member'),
      'Ana a member again',
      STEP_MS,
    );
    await page.getByText('Co-facilitator · room', { exact: false }).waitFor({ state: 'detached' });
    ben.close();
    keyHolder.close();
    errors.assertNone();
    await context.close();
  });
});
