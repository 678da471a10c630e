/**
 * Child process for tests/integration/crash-safety.test.ts: drives the real core through the
 * dispatcher (what both transports call) with imports, autosaves and finalisations until the test
 * kills it with SIGKILL.
 *
 *   node --import tsx tests/support/crash-worker.ts <dataDir> <seed> <round> [--hold]
 *
 * (the test runs an esbuild bundle of this file instead: the same code, started in a fraction of
 * the time). Protocol, one JSON line each on stdout (a pipe: on Linux a write has reached the
 * kernel when it returns, so a line survives the kill that follows it):
 * - `loaded` once the modules are in, before the data folder is opened. With `--hold` the worker
 *   then waits for a line on stdin, so the test can load the next round's worker while this one
 *   runs. `ready` once the coach, the advisor and the signed-in profile exist.
 * - `intent` before each autosave, with what it is about to write; an ack line after each write
 *   returned. An ack means the coach was told "opgeslagen"; that write must survive the kill.
 */
import { pathToFileURL } from 'node:url';
import { openCore } from '../../src-main/core/app';
import { stageUpload } from '../../src-main/core/recordings/uploads';
import { createPrng } from '../../src-main/core/sampling/random';
import { createDispatcher } from '../../src-main/ipc/dispatch';
import type { Answer, ChannelInput, ChannelName, ChannelOutput, Evaluation, RubricVersion } from '../../src-main/contract';
import { tinyWav } from './tiny-wav';

export const CRASH_COACH = 'CRASH-C1';
export const CRASH_ADVISOR = 'CRASH-A1';
/** Markers of a round are `round × MARKER_STRIDE + n`, so they only grow across rounds. */
export const MARKER_STRIDE = 1_000_000;

export const topsFor = (marker: number) => `Tussenstand ${marker}`;
export const tipsFor = (marker: number) => `Tip ${marker}`;
export const noteFor = (marker: number) => `#${marker}`;
export const markerIn = (tops: string): number | null => {
  const match = /^Tussenstand (\d+)$/.exec(tops);
  return match ? Number(match[1]) : null;
};

export type WorkerLine =
  | { op: 'loaded' }
  | { op: 'ready'; coachId: number; advisorId: number }
  | { op: 'import'; recordingId: number; sha256: string; status: 'imported' | 'duplicate' }
  | { op: 'start'; evaluationId: number; recordingId: number }
  | { op: 'intent'; evaluationId: number; marker: number; answered: number }
  | { op: 'autosave'; evaluationId: number; marker: number; revision: number }
  | { op: 'finalize'; evaluationId: number; marker: number }
  | { op: 'error'; channel: string; message: string };

const say = (line: WorkerLine) => process.stdout.write(`${JSON.stringify(line)}\n`);

async function main(): Promise<void> {
  const [dataDir, seed, roundText, hold] = process.argv.slice(2);
  if (!dataDir || !seed || !roundText) throw new Error('usage: crash-worker.ts <dataDir> <seed> <round> [--hold]');
  const random = createPrng(seed);
  let marker = Number(roundText) * MARKER_STRIDE;

  say({ op: 'loaded' });
  if (hold === '--hold') {
    await new Promise<void>((resolve) => {
      // The test went away before this round began: nothing to do.
      const quit = () => process.exit(0);
      process.stdin.once('end', quit);
      process.stdin.once('data', () => {
        process.stdin.off('end', quit);
        resolve();
      });
    });
  }

  const core = await openCore(dataDir);
  const { dispatch } = createDispatcher(core, (message, error) => process.stderr.write(`${message}: ${String(error)}\n`));

  async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const result = await dispatch(channel, input);
    if (!result.ok) {
      say({ op: 'error', channel, message: `${result.error.code}: ${result.error.message}` });
      process.exit(1);
    }
    return result.data as ChannelOutput<C>;
  }

  // First run creates the people; a later run (or one killed half-way through this) reuses them.
  const ensureStaff = async (employeeNumber: string, name: string, role: 'coach' | 'advisor') => {
    const all = await call('staff.list', { includeLeft: true });
    const found = all.find((s) => s.employeeNumber === employeeNumber);
    if (found) return found.id;
    const created = await call('staff.create', {
      employeeNumber,
      name,
      team: 'KCC Noord',
      role,
      startDate: '2024-02-01',
      status: 'active',
    });
    return created.id;
  };
  const coachId = await ensureStaff(CRASH_COACH, 'Marieke de Coach', 'coach');
  const advisorId = await ensureStaff(CRASH_ADVISOR, 'Sanne Adviseur', 'advisor');
  const session = await call('session.get', {});
  if (session.profile?.id !== coachId) await call('session.selectProfile', { staffId: coachId });
  say({ op: 'ready', coachId, advisorId });

  const rubrics = new Map<number, RubricVersion>();
  const rubricOf = async (id: number) => {
    const known = rubrics.get(id);
    if (known) return known;
    const rubric = await call('rubrics.getVersion', { id });
    rubrics.set(id, rubric);
    return rubric;
  };

  async function importOne(): Promise<void> {
    const seconds = 1 + random.int(3);
    const wav = tinyWav({ milliseconds: seconds * 1000, channels: 2 });
    // Noise, so every import is new content (the same bytes twice would be a duplicate).
    for (let i = 44; i < wav.length; i += 2) wav.writeInt16LE(random.int(2000) - 1000, i);
    const uploadId = await stageUpload(core.paths, wav);
    const day = String(1 + random.int(28)).padStart(2, '0');
    const result = await call('recordings.import', {
      uploadId,
      fileName: `202611${day}-0935${String(random.int(60)).padStart(2, '0')}_crash.wav`,
      advisorId,
      callAt: `2026-11-${day}T09:35:12`,
      topic: 'burgerzaken',
    });
    say({ op: 'import', recordingId: result.recording.id, sha256: result.recording.sha256, status: result.status });
  }

  function answersFor(rubric: RubricVersion, note: string, complete: boolean): Answer[] {
    return rubric.sections
      .flatMap((s) => s.criteria)
      .filter(() => complete || random.next() < 0.6)
      .map((c) => {
        if (c.allowNa && random.next() < 0.1) return { criterionId: c.id, value: null, na: true, note };
        const value = c.type === 'yes_no' ? random.int(2) : 1 + random.int(c.scaleMax);
        return { criterionId: c.id, value, na: false, note };
      });
  }

  async function autosave(evaluation: Evaluation, complete: boolean): Promise<void> {
    marker += 1;
    const answers = answersFor(await rubricOf(evaluation.rubricVersionId), noteFor(marker), complete);
    say({ op: 'intent', evaluationId: evaluation.id, marker, answered: answers.length });
    const saved = await call('evaluations.saveDraft', { id: evaluation.id, tops: topsFor(marker), tips: tipsFor(marker), answers });
    say({ op: 'autosave', evaluationId: evaluation.id, marker, revision: saved.revision });
  }

  /** Opens a draft (resuming one left by an earlier run), autosaves it a few times, and sometimes finalises it. */
  async function evaluateOne(): Promise<void> {
    const mine = await call('evaluations.listForAdvisor', { advisorId });
    const drafts = mine.filter((e) => e.status === 'draft');
    const evaluated = new Set(mine.map((e) => e.recordingId));
    const recordings = await call('recordings.list', { advisorId });
    const fresh = recordings.filter((r) => !evaluated.has(r.id));
    const pick = <T>(items: readonly T[]): T | undefined => items[random.int(Math.max(1, items.length))];
    const recordingId = (drafts.length > 0 && random.next() < 0.6 ? pick(drafts)?.recordingId : undefined) ?? pick(fresh)?.id;
    if (recordingId === undefined) return importOne();

    const evaluation = await call('evaluations.start', { recordingId });
    say({ op: 'start', evaluationId: evaluation.id, recordingId });
    const saves = 1 + random.int(12);
    for (let i = 0; i < saves; i++) await autosave(evaluation, false);
    if (random.next() < 0.5) {
      await autosave(evaluation, true);
      await call('evaluations.finalize', { id: evaluation.id });
      say({ op: 'finalize', evaluationId: evaluation.id, marker });
    }
  }

  // Two lanes, as in the app: an import running while the coach keeps typing in an evaluation.
  const lane = async (work: () => Promise<void>) => {
    for (;;) await work();
  };
  await Promise.all([lane(evaluateOne), lane(importOne)]);
}

// The test imports the protocol helpers above; only a started worker runs.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    say({ op: 'error', channel: 'worker', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  });
}
