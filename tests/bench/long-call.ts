/**
 * The two long-call figures of `npm run bench`: peaks + analysis of a 60-minute 8 kHz stereo µ-law
 * call against ffmpeg decoding the same file, and opening that call in Chromium from stored peaks
 * against wavesurfer's default path (fetch + decode the whole file).
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startHost } from '../../src-main/ipc/host';
import { createCallAnalyzer, tapChunks } from '../../src-main/core/recordings/analysis';
import { decodeAudio } from '../../src-main/core/recordings/decoders';
import { computePeaks } from '../../src-main/core/recordings/peaks';
import { probeAudio } from '../../src-main/core/recordings/probe';
import { mediaResponse } from '../../src-main/core/media/range';
import { getPeaks, importRecording } from '../../src-main/core/recordings/recordings';
import { stageUpload } from '../../src-main/core/recordings/uploads';
import { startWebServer } from '../../src-main/web/server';
import { chromiumArgs, chromiumPath } from '../support/chromium';

export function generateHourCall(dir: string): string {
  const file = join(dir, 'gesprek-60-min.wav');
  const tone = (hz: number) => ['-f', 'lavfi', '-i', `sine=frequency=${hz}:sample_rate=8000:duration=3600`];
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    ...tone(300),
    ...tone(700),
    '-filter_complex',
    '[0:a][1:a]amerge=inputs=2',
    '-c:a',
    'pcm_mulaw',
    file,
  ]);
  return file;
}

async function best(run: () => Promise<unknown> | unknown, repeat = 3): Promise<number> {
  let fastest = Infinity;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

export async function peaksAndAnalysis(file: string): Promise<void> {
  const probed = await probeAudio(file);
  const ours = await best(async () => {
    const analyzer = createCallAnalyzer({ channels: probed.channels, sampleRate: probed.sampleRate });
    await computePeaks(
      tapChunks(decodeAudio(file, probed), (chunk) => analyzer.push(chunk)),
      {
        channels: probed.channels,
        sampleRate: probed.sampleRate,
        estimatedSeconds: probed.durationSeconds,
      },
    );
    analyzer.finish();
  });
  const ffmpeg = await best(() => execFileSync('ffmpeg', ['-v', 'quiet', '-i', file, '-f', 'null', '-']));
  console.log(
    `peaks + analysis of a 60-min 8 kHz stereo µ-law call: ${(probed.durationSeconds / (ours / 1000)).toFixed(0)}× real time; ` +
      `${(ours / ffmpeg).toFixed(2)}× the time of \`ffmpeg -i file -f null -\` (${ours.toFixed(0)} ms vs ${ffmpeg.toFixed(0)} ms)`,
  );
}

interface Measured {
  ms: number;
  heap: number;
  rss: number;
  /** Resident memory the player added to the renderer process over an empty page. */
  added: number;
}

/** JS heap after a GC, and the resident memory of the page's renderer process (decoded audio lives outside the JS heap). */
async function memory(page: Page): Promise<{ heap: number; rss: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const browserCdp = await page.context().browser()!.newBrowserCDPSession();
  const info = (await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> };
  const renderers = info.processInfo.filter((p) => p.type === 'renderer');
  const rss = Math.max(
    0,
    ...renderers.map((p) => {
      const status = existsSync(`/proc/${p.id}/status`) ? readFileSync(`/proc/${p.id}/status`, 'utf8') : '';
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    }),
  );
  return { heap: usedSize, rss };
}

/**
 * One page, two ways to draw the same 60-minute call with the same wavesurfer build: from stored
 * peaks with a streaming media element (Klankbord), or wavesurfer's default fetch + decode. Timed from
 * the moment the page starts creating the player (peaks fetch included), so the shared page load is left out.
 */
async function drawWaveform(browser: Browser, file: string, peaksJson: string, way: 'stored-peaks' | 'fetch-decode'): Promise<Measured> {
  const wavesurfer = readFileSync('node_modules/wavesurfer.js/dist/wavesurfer.esm.js');
  const create =
    way === 'stored-peaks'
      ? `const audio = document.createElement('audio'); audio.preload = 'metadata'; audio.src = '/call.wav';
         const { channels, durationSeconds } = await (await fetch('/peaks.json')).json();
         const ws = WaveSurfer.create({ container: '#w', media: audio, peaks: channels, duration: durationSeconds });`
      : `const ws = WaveSurfer.create({ container: '#w', url: '/call.wav' });`;
  const html = `<!doctype html><div id="w"></div><script type="module">
    import WaveSurfer from '/wavesurfer.esm.js';
    const startedAt = performance.now();
    ${create}
    ws.on('redrawcomplete', () => { window.readyAt ??= performance.now() - startedAt; });
  </script>`;
  const size = statSync(file).size;
  const server = createServer((req, res) => {
    if (req.url === '/wavesurfer.esm.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(wavesurfer);
    if (req.url === '/peaks.json') return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(peaksJson);
    if (req.url === '/call.wav') {
      const range = mediaResponse(file, size, 'audio/wav', req.headers.range);
      res.writeHead(range.status, range.headers);
      return void (range.body ? range.body.pipe(res) : res.end());
    }
    if (req.url === '/blank') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><p>leeg</p>');
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const page = await browser.newPage();
  try {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The same renderer process on an empty page first: what the player adds is the difference.
    await page.goto(`${origin}/blank`);
    const before = await memory(page);
    await page.goto(`${origin}/`);
    const handle = await page.waitForFunction(() => (window as unknown as { readyAt?: number }).readyAt, null, { timeout: 300_000 });
    const ms = Number(await handle.jsonValue());
    const after = await memory(page);
    return { ms, heap: after.heap, rss: after.rss, added: Math.max(0, after.rss - before.rss) };
  } finally {
    await page.close();
    server.close();
  }
}

/** The real app: from navigation to the waveform on the recording screen, bootstrap included. */
async function inTheApp(browser: Browser, file: string, dataDir: string): Promise<{ ms: number; peaksJson: string }> {
  const host = await startHost(dataDir);
  const core = host.core();
  if (!core) throw new Error(`bench data folder ${dataDir} did not open`);
  const coach = await core.db
    .insertInto('staff')
    .values({
      employee_number: 'B1',
      name: 'Bench Coach',
      team: '',
      role: 'coach',
      start_date: null,
      status: 'active',
      created_at: '',
      updated_at: '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await core.db
    .insertInto('setting')
    .values({ key: 'workstation.profileId', value_json: String(coach.id) })
    .execute();
  const uploadId = await stageUpload(core.paths, createReadStream(file));
  const { recording } = await importRecording(core, coach.id, {
    uploadId,
    fileName: 'gesprek-60-min.wav',
    advisorId: null,
    callAt: null,
    topic: null,
  });
  const peaksJson = JSON.stringify(await getPeaks(core, recording.id));
  const web = await startWebServer({ host, rendererDir: join(process.cwd(), 'out', 'renderer') });
  const page = await browser.newPage();
  try {
    await page.goto(web.loginUrl);
    await page.waitForSelector('text=Opnames');
    await page.goto(`${web.url}/#/recordings/${recording.id}`);
    await page.reload();
    await page.waitForSelector('[data-testid="waveform"][data-ready="true"]', { timeout: 120_000 });
    return { ms: await page.evaluate(() => performance.now()), peaksJson };
  } finally {
    await page.close();
    await web.close();
    await host.close();
  }
}

export async function openInChromium(file: string, dataDir: string): Promise<void> {
  if (!existsSync('out/renderer/index.html')) {
    console.log('open a 60-min call in Chromium: skipped (run `npm run build` first)');
    return;
  }
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, '--enable-precise-memory-info'] });
  try {
    const app = await inTheApp(browser, file, dataDir);
    const ours = await drawWaveform(browser, file, app.peaksJson, 'stored-peaks');
    const baseline = await drawWaveform(browser, file, app.peaksJson, 'fetch-decode');
    const mb = (b: number) => `${(b / 1_048_576).toFixed(1)} MB`;
    console.log(
      `open a 60-min call in Chromium: waveform in ${ours.ms.toFixed(0)} ms from stored peaks vs ${baseline.ms.toFixed(0)} ms ` +
        `with wavesurfer's fetch + decode (${(baseline.ms / ours.ms).toFixed(1)}× faster); JS heap ${mb(ours.heap)} vs ${mb(baseline.heap)}, ` +
        `renderer memory added by the player ${mb(ours.added)} vs ${mb(baseline.added)} (${(ours.added / baseline.added).toFixed(2)}×; ` +
        `whole renderer ${mb(ours.rss)} vs ${mb(baseline.rss)}); ` +
        `the whole app shows it ${app.ms.toFixed(0)} ms after navigation`,
    );
  } finally {
    await browser.close();
  }
}
