import { sqliteOf } from '../../src-main/core/db/connection';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationSnapshot, type Answer, type RubricVersion } from '../../src-main/contract';
import { openCore, type Core } from '../../src-main/core/app';
import { isAnswered, scoreEvaluation } from '../../src-main/core/evaluations/scoring';
import { beginStoreWrite, inStore } from '../../src-main/core/recordings/store';
import { getRubricVersion } from '../../src-main/core/rubrics/rubrics';
import { createPrng } from '../../src-main/core/sampling/random';
import { tempDir } from '../support/core';
import { CRASH_COACH, markerIn, noteFor, tipsFor, type WorkerLine } from '../support/crash-worker';
import { insertRecording } from '../support/seed';

/**
 * "Never lose work": a child process imports calls, autosaves and finalises evaluations through
 * the dispatcher and is killed with SIGKILL at a random moment, ROUNDS times on one data folder.
 * After every kill the folder must open, the database be intact, nothing half-written, and every
 * write the worker saw return (and so the coach saw confirmed) still there.
 */
const ROUNDS = 50;
/**
 * Repeat a failing run with CRASH_SEED=<seed>: the same work and kill plan per round (where a
 * kill lands within a write still depends on timing).
 */
const SEED = process.env.CRASH_SEED ?? randomBytes(4).toString('hex');

let workDir: string;
let dataDir: string;
let worker: string;
/** The next round's worker, loading or waiting; killed when the test ends early. */
let spare: Worker | undefined;

beforeAll(async () => {
  workDir = tempDir('klankbord-crash-');
  dataDir = join(workDir, 'data');
  worker = join(workDir, 'crash-worker.mjs');
  // One bundle, as electron-vite ships the app: a tsx start-up per round would cost seconds.
  // better-sqlite3 is native and stays where npm put it.
  const betterSqlite = pathToFileURL(createRequire(import.meta.url).resolve('better-sqlite3')).href;
  await build({
    entryPoints: [fileURLToPath(new URL('../support/crash-worker.ts', import.meta.url))],
    outfile: worker,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    plugins: [
      {
        name: 'native-modules',
        setup(b) {
          b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: betterSqlite, external: true }));
        },
      },
    ],
  });
}, 60_000);

afterAll(() => {
  spare?.child.kill('SIGKILL');
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** What the worker reported across all rounds: the state the data folder must at least hold. */
interface Acknowledged {
  /** Every autosave the worker began, by marker: it may have landed without its acknowledgement. */
  intents: Map<number, { evaluationId: number; answered: number }>;
  /** Per evaluation, the newest autosave that returned. */
  saved: Map<number, { marker: number; revision: number }>;
  started: Set<number>;
  finalized: Set<number>;
  imported: Map<number, string>;
}

/**
 * When to kill: `ms` after the worker was let go (while it opens the folder), or `ms` after its
 * `acks`-th acknowledged write. Counting writes keeps the work per round the same on a slow or
 * busy machine; the delay puts the kill at any point of the writes that follow.
 */
type KillPlan = { during: 'start-up'; ms: number } | { during: 'work'; acks: number; ms: number };

const describePlan = (plan: KillPlan) =>
  plan.during === 'start-up' ? `${plan.ms} ms into start-up` : `${plan.ms} ms after acknowledgement ${plan.acks}`;

/** Lines the worker writes after a write returned. */
const acknowledgements = new Set<WorkerLine['op']>(['import', 'start', 'autosave', 'finalize']);

interface Worker {
  child: ChildProcessWithoutNullStreams;
  lines: WorkerLine[];
  onLine(listener: (line: WorkerLine) => void): void;
  loaded: Promise<void>;
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

/** Starts a round's worker; it loads its modules and then waits (`--hold`) until `runRound`. */
function startWorker(round: number): Worker {
  // Another day each round, so every start makes its daily backup and a kill at start-up can hit
  // it. Days in the past, so they never outrank the backups the test's own opens make today.
  const day = new Date(Date.UTC(2020, 0, 1 + round, 8)).toISOString().slice(0, 19);
  const child = spawn(process.execPath, [worker, dataDir, `${SEED}/${round}`, String(round), '--hold'], {
    env: { ...process.env, KLANKBORD_NOW: day },
  });
  const lines: WorkerLine[] = [];
  const listeners: ((line: WorkerLine) => void)[] = [];
  let buffered = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    const complete = buffered.split('\n');
    buffered = complete.pop() ?? '';
    for (const text of complete) {
      // Protocol lines are JSON objects; anything else the core prints is kept for the report.
      if (!text.startsWith('{')) {
        stderr += `${text}\n`;
        continue;
      }
      const line = JSON.parse(text) as WorkerLine;
      lines.push(line);
      for (const listener of listeners) listener(line);
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  // 'close': the pipes are drained, so every line written before the kill has been read.
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  const loaded = new Promise<void>((resolve) => listeners.push((line) => line.op === 'loaded' && resolve()));
  return { child, lines, onLine: (listener) => listeners.push(listener), loaded, closed, stderr: () => stderr };
}

/** Lets a loaded worker start, kills it with SIGKILL at the planned moment, and returns every line it wrote. */
async function runRound(w: Worker, plan: KillPlan): Promise<WorkerLine[]> {
  let killTimer: NodeJS.Timeout | undefined;
  let killed = false;
  const killAfter = (ms: number) => {
    killTimer ??= setTimeout(() => {
      killed = true;
      w.child.kill('SIGKILL');
    }, ms);
  };
  let acks = 0;
  w.onLine((line) => {
    if (plan.during !== 'work' || (line.op !== 'ready' && !acknowledgements.has(line.op))) return;
    if (line.op !== 'ready') acks += 1;
    if (acks === plan.acks) killAfter(plan.ms);
  });
  const first = await Promise.race([w.loaded.then(() => 'loaded'), w.closed.then(() => 'closed')]);
  if (first === 'closed') throw new Error(`worker ended before it loaded:\n${w.stderr()}`);
  // A kill at 0 ms can beat the worker to reading this.
  w.child.stdin.on('error', () => undefined);
  w.child.stdin.end('go\n');
  if (plan.during === 'start-up') killAfter(plan.ms);
  const { code, signal } = await w.closed;
  clearTimeout(killTimer);
  if (!killed || signal !== 'SIGKILL') {
    throw new Error(`worker ended by itself (code ${code}, signal ${signal}):\n${JSON.stringify(w.lines.slice(-3))}\n${w.stderr()}`);
  }
  return w.lines;
}

function record(acked: Acknowledged, lines: readonly WorkerLine[]): void {
  for (const line of lines) {
    switch (line.op) {
      case 'error':
        throw new Error(`worker reported ${line.channel}: ${line.message}`);
      case 'intent':
        acked.intents.set(line.marker, { evaluationId: line.evaluationId, answered: line.answered });
        break;
      case 'autosave':
        acked.saved.set(line.evaluationId, { marker: line.marker, revision: line.revision });
        break;
      case 'start':
        acked.started.add(line.evaluationId);
        break;
      case 'finalize':
        acked.finalized.add(line.evaluationId);
        break;
      case 'import':
        acked.imported.set(line.recordingId, line.sha256);
        break;
    }
  }
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

const auditOf = (db: Core['db'], evaluationId: number) =>
  db
    .selectFrom('audit_log')
    .select(['action', 'after_json'])
    .where('entity', '=', 'evaluation')
    .where('entity_id', '=', evaluationId)
    .execute();

const sameAnswers = (a: readonly Answer[], b: readonly Answer[]) => JSON.stringify(a) === JSON.stringify(b);

/** Everything that must hold after a kill; returns what does not, in words. */
async function problemsIn(core: Core, acked: Acknowledged): Promise<string[]> {
  const problems: string[] = [];
  const integrity = sqliteOf(core).pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
  const foreignKeys = sqliteOf(core).pragma('foreign_key_check') as unknown[];
  if (foreignKeys.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(foreignKeys.slice(0, 5))}`);

  const { db, paths } = core;
  const coach = await db.selectFrom('staff').select('id').where('employee_number', '=', CRASH_COACH).executeTakeFirst();
  const evaluations = coach ? await db.selectFrom('evaluation').selectAll().where('coach_id', '=', coach.id).execute() : [];
  const rubrics = new Map<number, RubricVersion>();
  for (const e of evaluations) {
    const rubric = rubrics.get(e.rubric_version_id) ?? (await getRubricVersion(db, e.rubric_version_id));
    rubrics.set(e.rubric_version_id, rubric);
    const answers: Answer[] = (
      await db.selectFrom('answer').selectAll().where('evaluation_id', '=', e.id).orderBy('criterion_id').execute()
    ).map((a) => ({ criterionId: a.criterion_id, value: a.value, na: a.na === 1, note: a.note }));
    const where = `evaluation ${e.id} (${e.status}, revision ${e.revision})`;

    // One autosave is one transaction: texts, answers and provisional score all from the same save.
    const marker = markerIn(e.tops);
    if (marker === null) {
      if (e.tops !== '' || e.tips !== '' || answers.length > 0) problems.push(`${where}: content without a save marker`);
    } else {
      const intent = acked.intents.get(marker);
      if (intent?.evaluationId !== e.id) problems.push(`${where}: marker ${marker} was never saved to it`);
      if (e.tips !== tipsFor(marker)) problems.push(`${where}: tips "${e.tips}" from another save than tops (${marker})`);
      if (intent && answers.length !== intent.answered)
        problems.push(`${where}: ${answers.length} answers, save ${marker} wrote ${intent.answered}`);
      const strays = answers.filter((a) => a.note !== noteFor(marker));
      if (strays.length > 0) problems.push(`${where}: ${strays.length} answers from another save than ${marker}`);
    }
    const result = scoreEvaluation(rubric, answers);
    if (e.score_pct !== result.scorePct) problems.push(`${where}: stored score ${e.score_pct}, answers give ${result.scorePct}`);

    const saved = acked.saved.get(e.id);
    if (saved && (marker ?? -1) < saved.marker) problems.push(`${where}: acknowledged autosave ${saved.marker} lost (has ${marker})`);
    if (saved && e.revision < saved.revision) problems.push(`${where}: revision ${e.revision} older than acknowledged ${saved.revision}`);
    if (acked.finalized.has(e.id) && e.status !== 'final') problems.push(`${where}: acknowledged finalisation lost`);

    if (e.status === 'final') {
      if (e.finalized_at === null || e.score_pct === null) problems.push(`${where}: final without finalized_at or score`);
      const missing = rubric.sections
        .flatMap((s) => s.criteria)
        .filter((c) => c.required && !isAnswered(answers.find((a) => a.criterionId === c.id)));
      if (missing.length > 0) problems.push(`${where}: final with ${missing.length} required criteria unanswered`);
      const flags = [e.critical_customer, e.critical_business, e.critical_compliance, e.has_critical_error].map(Boolean);
      const expected = [result.critical.customer, result.critical.business, result.critical.compliance, result.hasCriticalError];
      if (JSON.stringify(flags) !== JSON.stringify(expected)) problems.push(`${where}: critical flags do not match its answers`);
      const versions = await db.selectFrom('evaluation_version').selectAll().where('evaluation_id', '=', e.id).execute();
      const finalized = versions.filter((v) => v.change === 'finalized');
      const [version] = finalized;
      if (!version || finalized.length > 1) {
        problems.push(`${where}: ${finalized.length} 'finalized' history rows`);
      } else {
        const snapshot = evaluationSnapshot.parse(JSON.parse(version.snapshot_json));
        const matches =
          version.revision === e.revision &&
          snapshot.status === 'final' &&
          snapshot.tops === e.tops &&
          snapshot.tips === e.tips &&
          snapshot.scorePct === e.score_pct &&
          sameAnswers(snapshot.answers, answers);
        if (!matches) problems.push(`${where}: history snapshot differs from the evaluation`);
      }
      const audit = await auditOf(db, e.id);
      const finalizedAudit = audit.filter((a) => a.action === 'finalized');
      const [entry] = finalizedAudit;
      if (!entry || finalizedAudit.length > 1) {
        problems.push(`${where}: ${finalizedAudit.length} 'finalized' audit entries`);
      } else {
        const after = evaluationSnapshot.pick({ answers: true }).safeParse(JSON.parse(entry.after_json ?? 'null'));
        if (!after.success || !sameAnswers(after.data.answers, answers)) problems.push(`${where}: audit entry differs from the evaluation`);
      }
    } else if (e.status === 'draft') {
      const versions = await db.selectFrom('evaluation_version').select('id').where('evaluation_id', '=', e.id).execute();
      if (versions.length > 0) problems.push(`${where}: a draft with history rows`);
      if ((await auditOf(db, e.id)).length > 0) problems.push(`${where}: a draft with audit entries`);
    }
  }
  const evaluationIds = new Set(evaluations.map((e) => e.id));
  for (const id of acked.started) if (!evaluationIds.has(id)) problems.push(`acknowledged evaluation ${id} is gone`);

  // A recording row is written after its files, in one transaction with its analysis.
  const recordings = await db
    .selectFrom('recording')
    .leftJoin('call_analysis', 'call_analysis.recording_id', 'recording.id')
    .select(['recording.id', 'sha256', 'stored_path', 'peaks_path', 'original_path', 'call_analysis.recording_id as analysed'])
    .execute();
  const referenced = new Set<string>();
  for (const r of recordings) {
    for (const file of [r.stored_path, r.peaks_path, r.original_path]) {
      if (file === null) continue;
      referenced.add(file);
      if (!existsSync(inStore(paths, file))) problems.push(`recording ${r.id}: ${file} missing from the store`);
    }
    if (r.analysed === null) problems.push(`recording ${r.id}: no call analysis`);
  }
  const byId = new Map(recordings.map((r) => [r.id, r]));
  for (const [id, sha256] of acked.imported) {
    const row = byId.get(id);
    if (!row) problems.push(`acknowledged import ${id} is gone`);
    else if (row.sha256 !== sha256) problems.push(`recording ${id} holds other content than was imported`);
    else if (row.stored_path === null) problems.push(`recording ${id} lost its audio`);
  }

  // Staged uploads of a killed import are cleared when the folder opens.
  const leftUploads = filesUnder(paths.uploads);
  if (leftUploads.length > 0) problems.push(`uploads not cleared at start: ${leftUploads.slice(0, 3).join(', ')}`);
  // A backup is restorable or absent, never a torn copy. Checked on a copy: opening a backup
  // (WAL mode) would leave -wal and -shm files beside it.
  const scratch = join(workDir, 'backup-check.sqlite');
  for (const name of readdirSync(paths.backups).filter((f) => f.endsWith('.sqlite'))) {
    copyFileSync(join(paths.backups, name), scratch);
    const copy = new BetterSqlite3(scratch, { fileMustExist: true });
    try {
      const ok = copy.pragma('integrity_check', { simple: true });
      if (ok !== 'ok') problems.push(`backup ${name}: ${String(ok)}`);
    } catch (error) {
      problems.push(`backup ${name}: ${String(error)}`);
    } finally {
      copy.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${scratch}${suffix}`, { force: true });
    }
  }
  // Files of a killed import are swept when the folder opens: no audio outside retention's reach.
  const orphans = filesUnder(paths.store).filter((f) => !referenced.has(f));
  if (orphans.length > 0) problems.push(`store files without a recording: ${orphans.slice(0, 3).join(', ')}`);
  return problems;
}

describe('crash safety', () => {
  it(`survives ${ROUNDS} kills with SIGKILL mid-work: intact database, nothing half-written, every acknowledged save kept`, async () => {
    console.info(`crash-safety seed ${SEED} (repeat with CRASH_SEED=${SEED})`);
    const random = createPrng(`${SEED}/kills`);
    const acked: Acknowledged = { intents: new Map(), saved: new Map(), started: new Set(), finalized: new Set(), imported: new Map() };
    let killedAtStartUp = 0;
    let killedMidSave = 0;

    let upcoming = (spare = startWorker(0));
    for (let round = 0; round < ROUNDS; round++) {
      // Mostly mid-work; every seventh round or so during start-up (migrations, backup, first staff, profile).
      const plan: KillPlan =
        round > 0 && random.next() < 0.15
          ? { during: 'start-up', ms: random.int(60) }
          : { during: 'work', acks: random.int(30), ms: random.int(30) };
      const current = upcoming;
      // The next round's worker loads while this one works: the start-up cost overlaps.
      if (round + 1 < ROUNDS) upcoming = spare = startWorker(round + 1);
      const lines = await runRound(current, plan);
      record(acked, lines);
      if (plan.during === 'start-up') killedAtStartUp += 1;
      const lastSave = lines.findLast((l) => l.op === 'intent' || l.op === 'autosave');
      if (lastSave?.op === 'intent') killedMidSave += 1;

      const core = await openCore(dataDir);
      try {
        expect(await problemsIn(core, acked), `seed ${SEED}, round ${round}, killed ${describePlan(plan)}`).toEqual([]);
      } finally {
        await core.close();
      }
    }

    // The kills must have landed while there was work to lose.
    console.info(
      `crash-safety: ${acked.imported.size} imports, ${acked.saved.size} evaluations autosaved, ${acked.finalized.size} finalised, ` +
        `${killedAtStartUp} kills during start-up, ${killedMidSave} with an autosave under way`,
    );
    expect(acked.imported.size).toBeGreaterThan(ROUNDS / 4);
    expect(acked.saved.size).toBeGreaterThan(ROUNDS / 4);
    expect(acked.finalized.size).toBeGreaterThan(ROUNDS / 10);
  }, 600_000);

  it('takes out at the next start only the audio of imports cut off before their row, not other files in the store', async () => {
    const dir = tempDir();
    let core = await openCore(dir);
    try {
      const { paths } = core;
      const put = (relativePath: string) => {
        mkdirSync(dirname(inStore(paths, relativePath)), { recursive: true });
        writeFileSync(inStore(paths, relativePath), 'audio');
      };
      // Cut off: files in place, journal written, no row.
      const cutOff = 'a1'.repeat(32);
      put(`a1/${cutOff}.wav`);
      put(`a1/${cutOff}.peaks`);
      beginStoreWrite(paths, cutOff);
      // Committed just before the crash: row and journal both there.
      const recordingId = await insertRecording(core, null);
      const { sha256: committed } = await core.db
        .selectFrom('recording')
        .select('sha256')
        .where('id', '=', recordingId)
        .executeTakeFirstOrThrow();
      put(`${committed.slice(0, 2)}/${committed}.wav`);
      beginStoreWrite(paths, committed);
      // No journal: e.g. audio of calls imported after the backup that was just restored.
      const unjournalled = 'b2'.repeat(32);
      put(`b2/${unjournalled}.wav`);
      await core.close();

      core = await openCore(dir);
      expect(filesUnder(paths.store).sort()).toEqual([`${committed.slice(0, 2)}/${committed}.wav`, `b2/${unjournalled}.wav`].sort());
      expect(filesUnder(paths.uploads)).toEqual([]);
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
