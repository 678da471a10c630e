/**
 * The demo figure of `npm run bench`: seeding the demo KCC (issue 10) into an empty data folder,
 * against opening an empty data folder (migrations, default rubric and onboarding program) in the
 * same run. Also prints the CPU time, since this machine is often shared with other test runs.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore } from '../../src-main/core/app';
import { seedDemo } from '../../src-main/core/demo';
import { todayIso } from '../../src-main/core/clock';

function folderBytes(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    bytes += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return bytes;
}

export async function demoBench(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'klankbord-bench-demo-'));
  try {
    let baseline = Infinity;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      const core = await openCore(join(work, `empty-${i}`));
      baseline = Math.min(baseline, performance.now() - start);
      await core.close();
    }

    const core = await openCore(join(work, 'demo'));
    const cpu = process.cpuUsage();
    const start = performance.now();
    const summary = await seedDemo(core, { seed: 'bench', today: todayIso() });
    const ours = performance.now() - start;
    const used = process.cpuUsage(cpu);
    await core.close();
    const evaluations = summary.evaluations.final + summary.evaluations.discussed + summary.evaluations.draft;
    console.log(
      `demo seed: ${(ours / 1000).toFixed(1)} s wall, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU ` +
        `(${evaluations} evaluations, ${summary.recordings.withAudio} calls imported with audio, ` +
        `${summary.recordings.audioRemoved} past retention, ${summary.feedbackSessions} feedback sessions), ` +
        `${(ours / baseline).toFixed(0)}× opening an empty data folder (${baseline.toFixed(0)} ms); ` +
        `${(evaluations / (ours / 1000)).toFixed(0)} evaluations/s; data folder ${(folderBytes(join(work, 'demo')) / 1e6).toFixed(0)} MB`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
