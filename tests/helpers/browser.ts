import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

export const viewports = {
  phone: { width: 360, height: 740 },
  laptop: { width: 1366, height: 768 },
  hd: { width: 1920, height: 1080 },
} as const;
export type ViewportName = keyof typeof viewports;

/** The system Chromium, headless; a missing browser fails the suite with one line, never skips it. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error('Chromium not found: apt-get install -y chromium');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** Waits fail well inside Vitest's 30 s test timeout, so a failure names the locator it waited for. */
const WAIT_MS = 10_000;

/** One browser context per face, as separate people on separate devices. */
export async function newFace(
  browser: Browser,
  viewport: ViewportName,
  baseURL: string,
): Promise<BrowserContext> {
  const phone = viewport === 'phone';
  const context = await browser.newContext({
    baseURL,
    viewport: viewports[viewport],
    isMobile: phone,
    hasTouch: phone,
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(WAIT_MS);
  return context;
}

/** Writes test-results/screenshots/<name>.png, kept as a test artefact to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const axeSource = readFileSync(
  join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'),
  'utf8',
);

/**
 * Runs axe-core in the page and returns the serious and critical violations. The source is
 * evaluated through the DevTools protocol rather than added as a <script> tag: the app's CSP
 * (script-src 'self') rightly refuses inline scripts, and bypassing CSP would hide our own.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run(): Promise<{ violations: AxeResultViolation[] }> } };
    const result = await axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

interface AxeResultViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Collects console errors and uncaught page errors of every page in a context;
 * `assertNone()` fails the test with all of them except those matching `expected`
 * (e.g. the browser's own log line for a 404 that the page shows as "Room not found").
 */
export function collectConsoleErrors(context: BrowserContext, expected: RegExp[] = []) {
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  };
  for (const page of context.pages()) watch(page);
  context.on('page', watch);
  return {
    errors,
    assertNone() {
      const unexpected = errors.filter((error) => !expected.some((pattern) => pattern.test(error)));
      if (unexpected.length > 0) throw new Error(`Console errors:\n${unexpected.join('\n')}`);
    },
  };
}
