/**
 * `npm run bench`: performance as ratios against baselines measured in the same run, never as
 * wall-clock assertions. Prints one line per figure.
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { decodeAudio } from '../../src-main/core/recordings/decoders';
import { computePeaks } from '../../src-main/core/recordings/peaks';
import { probeAudio } from '../../src-main/core/recordings/probe';
import { scoreEvaluation } from '../../src-main/core/evaluations/scoring';
import { rubricDefinition, type Answer, type RubricVersion } from '../../src-main/contract';
import shipped from '../../resources/rubrics/kcc-standaard.json';
import { audioFixture } from '../support/audio-fixtures';

async function time(run: () => Promise<unknown> | unknown, repeat = 3): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

async function peaksOfLongCall() {
  const file = audioFixture('long-30min-ulaw.wav');
  const probed = await probeAudio(file);
  const ours = await time(async () =>
    computePeaks(decodeAudio(file, probed), {
      channels: probed.channels,
      sampleRate: probed.sampleRate,
      estimatedSeconds: probed.durationSeconds,
    }),
  );
  const ffmpeg = await time(() => execFileSync('ffmpeg', ['-v', 'quiet', '-i', file, '-f', 'null', '-']));
  console.log(
    `peaks 30-min stereo µ-law call: ${(probed.durationSeconds / (ours / 1000)).toFixed(0)}× real time; ` +
      `${(ours / ffmpeg).toFixed(2)}× the time of ffmpeg decoding the same file (${ours.toFixed(0)} ms vs ${ffmpeg.toFixed(0)} ms)`,
  );
}

async function scoring() {
  const def = rubricDefinition.parse(shipped);
  let id = 0;
  const rubric: RubricVersion = {
    id: 1,
    rubricId: 1,
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

await peaksOfLongCall();
await scoring();
