import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export interface RunningApp {
  url: string;
  loginUrl: string;
  dataDir: string;
}

/** Starts the built web transport on a free port with a fresh data folder; resolves when it is listening. */
async function startApp(now: string | undefined, prepareScript: string | undefined): Promise<{ app: RunningApp; child: ChildProcess }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'klankbord-e2e-'));
  // Its own process: Playwright's loader cannot import the core (JSON modules).
  if (prepareScript) execFileSync(process.execPath, ['--import', 'tsx', prepareScript, dataDir], { stdio: 'inherit' });
  const token = randomBytes(12).toString('hex');
  const child = spawn(process.execPath, ['out/main/web.js', '--data-dir', dataDir, '--port', '0', '--token', token], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: now ? { ...process.env, KLANKBORD_NOW: now } : process.env,
  });
  const loginUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`web server did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open in je browser: (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => reject(new Error(`web server exited with ${code}:\n${output}`)));
  });
  return { app: { url: new URL(loginUrl).origin, loginUrl, dataDir }, child };
}

export const test = base.extend<{
  app: RunningApp;
  now: string | undefined;
  prepareDataDir: string | undefined;
}>({
  /**
   * Pins "today" for the server (KLANKBORD_NOW) and the browser (Playwright's clock) alike, e.g.
   * `test.use({ now: '2026-11-23T10:00:00' })`, so month views read the same on any day.
   */
  now: [undefined, { option: true }],
  /** A script (`node --import tsx <script> <dataDir>`) that fills the data folder before the app starts. */
  prepareDataDir: [undefined, { option: true }],
  app: async ({ now, prepareDataDir }, use) => {
    const { app, child } = await startApp(now, prepareDataDir);
    await use(app);
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    rmSync(app.dataDir, { recursive: true, force: true });
  },
  page: async ({ page, app, now }, use) => {
    if (now) await page.clock.install({ time: new Date(now) });
    await page.goto(app.loginUrl);
    await use(page);
  },
});
export { expect };

const screenshotDir = join('test-results', 'screenshots');

/**
 * Keeps a full-page screenshot as an artefact and fails on serious or critical accessibility
 * violations (WCAG 2.2 AA tags) on the screen as it is.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  // A full-page shot of a scrolled page paints the fixed header and menu mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`)
          .slice(0, 3)
          .join(', ')})`,
    ),
    `accessibility on ${name}`,
  ).toEqual([]);
}
