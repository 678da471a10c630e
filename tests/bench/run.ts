/**
 * `npm run bench`: performance as ratios against baselines measured in the same run, never as
 * wall-clock assertions. Prints one line per figure.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { scoreEvaluation } from '../../src-main/core/evaluations/scoring';
import { rubricDefinition, type Answer, type RubricVersion } from '../../src-main/contract';
import shipped from '../../resources/rubrics/kcc-standaard.json';
import { openCore } from '../../src-main/core/app';
import { scanSource } from '../../src-main/core/sources/scan';
import { createSource } from '../../src-main/core/sources/sources';
import { tinyWav } from '../support/tiny-wav';
import { generateHourCall, openInChromium, peaksAndAnalysis } from './long-call';
import { reportsBench } from './reports';
import { demoBench } from './demo';

async function time(run: () => Promise<unknown> | unknown, repeat = 3): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

async function scoring() {
  const def = rubricDefinition.parse(shipped);
  let id = 0;
  const rubric: RubricVersion = {
    id: 1,
    rubricId: 1,
    revision: 1,
    name: def.name,
    version: 1,
    status: 'published',
    criticalZeroesTotal: false,
    sections: def.sections.map((s) => ({
      id: ++id,
      key: s.key,
      title: s.title,
      criteria: s.criteria.map((c) => ({ ...c, id: ++id, scaleMax: c.scaleMax ?? 1 })),
    })),
  };
  const answers: Answer[] = rubric.sections.flatMap((s) => s.criteria).map((c) => ({ criterionId: c.id, value: 1, na: false, note: '' }));
  const n = 10_000;
  const baseline = await time(() => {
    for (let i = 0; i < n; i++) JSON.parse(JSON.stringify(answers));
  });
  const ours = await time(() => {
    for (let i = 0; i < n; i++) scoreEvaluation(rubric, answers);
  });
  console.log(
    `scoring one evaluation: ${((ours / n) * 1000).toFixed(1)} µs, ${(ours / baseline).toFixed(2)}× a JSON round trip of its answers`,
  );
}

/** A plain recursive readdir + stat of every file: the floor any scan of the folder stands on. */
async function readdirAndStat(dir: string): Promise<number> {
  let count = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) count += await readdirAndStat(path);
    else if (entry.isFile()) {
      await stat(path);
      count++;
    }
  }
  return count;
}

async function indexFolder() {
  const n = 10_000;
  const work = mkdtempSync(join(tmpdir(), 'klankbord-bench-'));
  try {
    const root = join(work, 'opnames');
    const wav = tinyWav({ milliseconds: 20 });
    for (let i = 0; i < n; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const folder = join(root, '2026', '11', day);
      if (i < 28) mkdirSync(folder, { recursive: true });
      const time = `${String(8 + (i % 9)).padStart(2, '0')}${String(i % 60).padStart(2, '0')}${String((i * 7) % 60).padStart(2, '0')}`;
      writeFileSync(join(folder, `202611${day}-${time}_${1000 + (i % 40)}_burgerzaken-${i}.wav`), wav);
    }
    const core = await openCore(join(work, 'data'));
    try {
      for (let a = 0; a < 40; a++) {
        await core.db
          .insertInto('staff')
          .values({
            employee_number: String(1000 + a),
            name: `Adviseur ${a}`,
            team: 'KCC',
            role: 'advisor',
            start_date: null,
            status: 'active',
            created_at: '',
            updated_at: '',
          })
          .execute();
      }
      const baseline = await time(() => readdirAndStat(root));
      const source = await createSource(core.db, {
        name: 'bench',
        rootPath: root,
        patterns: ['{date}-{time}_{employee}_{topic}.wav'],
        advisorChannel: 1,
      });
      const start = performance.now();
      const summary = await scanSource(core, source.id);
      const ours = performance.now() - start;
      if (summary.status !== 'done' || summary.filesNew !== n || summary.filesUnmatched !== 0) {
        throw new Error(`bench scan indexed ${summary.filesNew} of ${n} files (${summary.filesUnmatched} unmatched, ${summary.status})`);
      }
      const rescan = await time(() => scanSource(core, source.id), 1);
      console.log(
        `index ${n.toLocaleString('en')} generated files: ${(n / (ours / 1000)).toFixed(0)} files/s (${(ours / 1000).toFixed(2)} s), ` +
          `${(ours / baseline).toFixed(1)}× the time of a plain recursive readdir+stat of the same folder (${baseline.toFixed(0)} ms); ` +
          `re-scan with nothing changed ${(rescan / 1000).toFixed(2)} s (${(rescan / baseline).toFixed(1)}×); ${summary.filesNew} new, status ${summary.status}`,
      );
    } finally {
      await core.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `npm run bench -- reports` (or any other group name) runs only the named groups. */
const only = new Set(process.argv.slice(2));
const wanted = (group: string) => only.size === 0 || only.has(group);

if (wanted('index')) await indexFolder();
if (wanted('long-call')) {
  const longCallDir = mkdtempSync(join(tmpdir(), 'klankbord-bench-call-'));
  try {
    const hour = generateHourCall(longCallDir);
    await peaksAndAnalysis(hour);
    await openInChromium(hour, join(longCallDir, 'data'));
  } finally {
    rmSync(longCallDir, { recursive: true, force: true });
  }
}
if (wanted('scoring')) await scoring();
if (wanted('reports')) await reportsBench();
if (wanted('demo')) await demoBench();
