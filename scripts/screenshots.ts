/**
 * The README's screenshots, from the demo KCC: `npm run screenshots` (builds first). Starts the
 * built web transport in demo mode with a pinned today, so the demo and the pictures come out the
 * same on every run, signs in as the demo's people through the app's own contract, and writes
 * 1440×900 PNGs in Dutch to docs/screenshots/ with Debian's Chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Locator, type Page } from '@playwright/test';
import type { ChannelInput, ChannelName, ChannelOutput } from '../src-main/contract';
import { chromiumArgs, chromiumPath } from '../tests/support/chromium';

/** The demo's today, as the e2e tests pin it: a Monday late in the month, with a month and a year behind it. */
const NOW = '2026-11-23T10:00:00';
const OUT = join('docs', 'screenshots');
const VIEWPORT = { width: 1440, height: 900 };

interface Server {
  child: ChildProcess;
  loginUrl: string;
  dataDir: string;
}

async function startDemo(): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), 'klankbord-screenshots-'));
  const token = randomBytes(12).toString('hex');
  const child = spawn(process.execPath, ['out/main/web.js', '--demo', '--data-dir', dataDir, '--port', '0', '--token', token], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KLANKBORD_NOW: NOW, TZ: 'Europe/Amsterdam' },
  });
  const loginUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    // Seeding the demo takes up to ten seconds; a busy machine gets more.
    const timer = setTimeout(() => reject(new Error(`de webserver startte niet:\n${output}`)), 90_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open in je browser: (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`de webserver stopte met code ${code}:\n${output}`));
    });
  });
  return { child, loginUrl, dataDir };
}

async function ipc<C extends ChannelName>(page: Page, channel: C, data: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const res = await page.request.post(`${new URL(page.url()).origin}/ipc/${channel}`, { data });
  const body = (await res.json()) as { ok: boolean; data?: ChannelOutput<C>; error?: { message?: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message ?? JSON.stringify(body.error)}`);
  return body.data as ChannelOutput<C>;
}

/** Signs in as a demo person and opens a screen, as they would from the menu. */
async function openAs(page: Page, staffId: number, route: string): Promise<void> {
  await ipc(page, 'session.selectProfile', { staffId });
  await page.goto(`${new URL(page.url()).origin}/#${route}`);
  await page.reload();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
}

/** Waits until the screen has its data (the given element, no spinner left, fonts and charts drawn), then shoots the viewport. */
async function shoot(page: Page, name: string, ready: Locator): Promise<void> {
  await ready.first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForFunction(() => document.querySelectorAll('.mantine-Loader-root').length === 0, undefined, { timeout: 30_000 });
  await page.evaluate(async () => {
    await document.fonts.ready;
    window.scrollTo(0, 0);
  });
  // Charts and the waveform animate in on their first frames.
  await page.waitForTimeout(1_000);
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path });
  console.log(`geschreven: ${path}`);
}

/** The improver whose agreed action point shows most clearly in the trend: the largest rise after it. */
async function improvingAdvisor(page: Page, period: string): Promise<number> {
  const done = (await ipc(page, 'actionPoints.list', { status: 'done' })).filter((p) => p.criterionId !== null);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  let best: { advisorId: number; rise: number } | null = null;
  for (const advisorId of new Set(done.map((p) => p.advisorId))) {
    const agreed = done.filter((p) => p.advisorId === advisorId).sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]!;
    const trend = await ipc(page, 'reports.advisorTrend', { advisorId, teamLines: false });
    const scored = trend.months.filter((m) => m.scorePct !== null && m.period < period);
    const before = scored.filter((m) => m.period < agreed.createdAt.slice(0, 7)).map((m) => m.scorePct!);
    const after = scored.slice(-3).map((m) => m.scorePct!);
    if (before.length < 2) continue;
    const rise = mean(after) - mean(before);
    if (!best || rise > best.rise) best = { advisorId, rise };
  }
  if (!best) throw new Error('geen adviseur met een afgerond actiepunt in de demo');
  return best.advisorId;
}

function previousPeriod(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startDemo();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, '--lang=nl-NL'] });
  let page: Page | undefined;
  try {
    const context = await browser.newContext({
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
      reducedMotion: 'reduce',
    });
    page = await context.newPage();
    await page.clock.install({ time: new Date(NOW) });
    await page.goto(server.loginUrl);
    await page.getByTestId('demo-banner').waitFor({ timeout: 60_000 });
    const period = NOW.slice(0, 7);

    const [manager] = await ipc(page, 'staff.list', { roles: ['manager'] });
    if (!manager) throw new Error('de demo heeft geen teammanager');

    // One of the demo's coaches: the one still scoring in the open calibration session, so the pictures follow its story.
    const open = (await ipc(page, 'calibration.list', { status: 'open' }))[0];
    const waiting = open
      ? (await ipc(page, 'calibration.get', { id: open.id })).participants.find((p) => p.submittedAt === null)
      : undefined;
    const coaches = await ipc(page, 'staff.list', { roles: ['coach'] });
    const coachId = waiting?.coachId ?? coaches[0]!.id;

    await openAs(page, coachId, '/my-month');
    await shoot(page, 'mijn-maand', page.getByTestId('my-month-table'));

    const month = await ipc(page, 'coaching.myMonth', { period });
    const draft = month.advisors.map((a) => a.next).find((n) => n?.kind === 'draft');
    if (!draft || draft.kind !== 'draft') throw new Error('de coach heeft deze maand geen beoordeling in bewerking');
    await page.goto(`${new URL(page.url()).origin}/#/evaluations/${draft.evaluationId}`);
    // Partway through the call, as a coach is while scoring.
    const waveform = page.getByTestId('waveform');
    await waveform.waitFor();
    const box = await waveform.boundingBox();
    if (box) await page.mouse.click(box.x + box.width * 0.42, box.y + box.height / 2);
    await shoot(page, 'beoordelen', waveform);

    const advisorId = await improvingAdvisor(page, period);
    await openAs(page, manager.id, `/staff/${advisorId}/trend`);
    await shoot(page, 'trend', page.getByTestId('trend-total'));

    // The last complete month: every figure filled in, compared with the month before.
    await page.goto(`${new URL(page.url()).origin}/#/dashboard?period=${previousPeriod(period)}`);
    await shoot(page, 'dashboard', page.getByTestId('dashboard-team'));
  } catch (error) {
    // What the screen showed when it went wrong, next to the test artefacts.
    if (page) {
      mkdirSync('test-results', { recursive: true });
      await page.screenshot({ path: join('test-results', 'screenshots-failure.png') }).catch(() => undefined);
      console.error(`Zie test-results/screenshots-failure.png (${page.url()})`);
    }
    throw error;
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    rmSync(server.dataDir, { recursive: true, force: true });
  }
}

await main();
