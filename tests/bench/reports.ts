/**
 * The reports figures of `npm run bench`: advisor trend and team month summary on 500 advisors ×
 * 5 years × 4 evaluations × 25 criteria (3 million answers), as p95 in ms and as ratios against a
 * plain count over the same advisor's / month's evaluations measured in the same run; then the
 * same figures on a PostgreSQL team database holding the same rows, as medians side by side,
 * with a check that both databases give the same reports.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { rubricDefinition, type RubricDefinition } from '../../src-main/contract';
import { sql } from 'kysely';
import { openCore, type Core } from '../../src-main/core/app';
import { sqliteOf, type Db } from '../../src-main/core/db/connection';
import { setRubricAssignments } from '../../src-main/core/rubrics/assignments';
import { createPublishedRubric } from '../../src-main/core/rubrics/editor';
import { getRubricVersion } from '../../src-main/core/rubrics/rubrics';
import { teamMonth } from '../../src-main/core/reports/team-month';
import { advisorTrend } from '../../src-main/core/reports/trend';
import { periodsBetween } from '../../src-main/core/reports/periods';
import { benchPostgres, type BenchPostgres } from './postgres';

export const BENCH_ADVISORS = 500;
export const BENCH_TEAMS = 10;
export const BENCH_COACHES = 40;
export const BENCH_PER_MONTH = 4;
export const BENCH_FIRST = '2021-12';
export const BENCH_LAST = '2026-11';

/** Deterministic, so every run measures the same database. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + Math.imul(t ^ (t >>> 14), 71 | t));
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 5 sections × 5 criteria: scales and yes/no, three critical ones (one per COPC class), two allowing n.v.t. */
function benchRubric(): RubricDefinition {
  const classes = ['customer', 'business', 'compliance'] as const;
  return rubricDefinition.parse({
    key: 'bench',
    name: 'Bench',
    sections: Array.from({ length: 5 }, (_, s) => ({
      key: `s${s}`,
      title: `Sectie ${s}`,
      criteria: Array.from({ length: 5 }, (_, c) => {
        const scale = c % 2 === 0;
        return {
          key: `s${s}c${c}`,
          title: `Criterium ${s}.${c}`,
          type: scale ? 'scale' : 'yes_no',
          ...(scale
            ? { scaleMax: 5, levels: Array.from({ length: 5 }, (_, l) => ({ value: l + 1, label: `${l + 1}`, guidance: '' })) }
            : {}),
          weight: 1 + (c % 3),
          allowNa: c === 4,
          criticalClass: c === 1 && s < 3 ? classes[s] : null,
        };
      }),
    })),
  });
}

/**
 * Seeds straight through better-sqlite3 in one transaction: the kysely path would take many
 * minutes for 3 million rows, and what is measured is reading, not writing.
 */
export interface SeedSize {
  advisors: number;
  teams: number;
  coaches: number;
  first: string;
  last: string;
}
export const benchSize: SeedSize = {
  advisors: BENCH_ADVISORS,
  teams: BENCH_TEAMS,
  coaches: BENCH_COACHES,
  first: BENCH_FIRST,
  last: BENCH_LAST,
};

export async function seedReportsDatabase(core: Core, size: SeedSize = benchSize): Promise<{ rows: number }> {
  const versionId = await createPublishedRubric(core.db, benchRubric());
  await setRubricAssignments(core.db, { defaultVersionId: versionId, teams: [] });
  const rubric = await getRubricVersion(core.db, versionId);
  const criteria = rubric.sections.flatMap((s) => s.criteria);
  const random = mulberry32(20261130);
  const periods = periodsBetween(size.first, size.last);
  const sqlite = sqliteOf(core);
  const at = '2021-11-01T08:00:00.000Z';

  const insertStaff = sqlite.prepare(
    `INSERT INTO staff (employee_number, name, team, role, start_date, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAssignment = sqlite.prepare(
    `INSERT INTO coach_assignment (advisor_id, coach_id, from_date, to_date, created_at) VALUES (?, ?, ?, NULL, ?)`,
  );
  const insertRecording = sqlite.prepare(
    `INSERT INTO recording (sha256, original_name, stored_path, peaks_path, media_type, container, codec, channels, sample_rate,
       duration_seconds, size_bytes, advisor_id, call_at, topic, imported_at, imported_by)
     VALUES (?, ?, NULL, NULL, 'audio/wav', 'WAVE', 'G.711 µ-law', 2, 8000, 300, 4800000, ?, ?, 'burgerzaken', ?, NULL)`,
  );
  const insertEvaluation = sqlite.prepare(
    `INSERT INTO evaluation (recording_id, advisor_id, coach_id, rubric_version_id, period, status, tops, tips, score_pct,
       critical_customer, critical_business, critical_compliance, has_critical_error, created_at, updated_at, finalized_at,
       revision, kind, counts, discussed_on)
     VALUES (?, ?, ?, ?, ?, ?, '', '', ?, ?, ?, ?, ?, ?, ?, ?, 1, 'regular', 1, ?)`,
  );
  const insertAnswer = sqlite.prepare(`INSERT INTO answer (evaluation_id, criterion_id, value, na, note) VALUES (?, ?, ?, ?, '')`);
  const insertAction = sqlite.prepare(
    `INSERT INTO action_item (advisor_id, feedback_session_id, criterion_id, description, due_date, status, follow_up_note, created_by, created_at, closed_by, closed_at)
     VALUES (?, NULL, ?, 'Vat de vraag samen', ?, ?, '', NULL, ?, NULL, ?)`,
  );

  let rows = 0;
  sqlite.transaction(() => {
    const coaches: number[] = [];
    for (let c = 0; c < size.coaches; c++) {
      coaches.push(
        Number(insertStaff.run(`C${c}`, `Coach ${c}`, `Team ${c % size.teams}`, 'coach', '2020-01-01', 'active', at, at).lastInsertRowid),
      );
    }
    const advisors: { id: number; coach: number; skill: number }[] = [];
    for (let a = 0; a < size.advisors; a++) {
      const team = a % size.teams;
      const onboarding = a % 50 === 7;
      const id = Number(
        insertStaff.run(
          `A${a}`,
          `Adviseur ${a}`,
          `Team ${team}`,
          'advisor',
          onboarding ? '2026-10-01' : '2020-01-01',
          onboarding ? 'onboarding' : 'active',
          at,
          at,
        ).lastInsertRowid,
      );
      // Four coaches per team, each following every fourth advisor of it.
      const coach = coaches[(team + size.teams * (Math.floor(a / size.teams) % 4)) % coaches.length]!;
      insertAssignment.run(id, coach, '2020-01-01', at);
      advisors.push({ id, coach, skill: 0.55 + random() * 0.4 });
    }
    let n = 0;
    // Month by month, as a KCC fills it: one advisor's answers end up spread over the whole table.
    for (const [m, period] of periods.entries()) {
      for (const advisor of advisors) {
        for (let k = 0; k < BENCH_PER_MONTH; k++) {
          n++;
          const day = String(1 + k * 7).padStart(2, '0');
          const callAt = `${period}-${day}T10:00:00`;
          const recordingId = Number(insertRecording.run(String(n).padStart(64, '0'), `b${n}.wav`, advisor.id, callAt, at).lastInsertRowid);
          const values = criteria.map((c) => {
            if (c.allowNa && random() < 0.3) return null;
            const p = Math.min(0.98, advisor.skill + (random() - 0.5) * 0.3);
            return c.type === 'yes_no'
              ? random() < p
                ? 1
                : 0
              : Math.max(1, Math.min(c.scaleMax, Math.round(1 + p * (c.scaleMax - 1) + (random() - 0.5))));
          });
          let achieved = 0;
          let maximum = 0;
          const critical = { customer: 0, business: 0, compliance: 0 };
          criteria.forEach((c, i) => {
            const v = values[i];
            if (v === null || v === undefined) return;
            const fraction = c.type === 'yes_no' ? (v === 1 ? 1 : 0) : (v - 1) / (c.scaleMax - 1);
            achieved += c.weight * fraction;
            maximum += c.weight;
            if (c.criticalClass && fraction === 0) critical[c.criticalClass] = 1;
          });
          const hasCritical = critical.customer || critical.business || critical.compliance ? 1 : 0;
          const finalizedAt = `${period}-${String(2 + k * 7).padStart(2, '0')}T15:00:00.000Z`;
          // The newest month is still being discussed: its last calls wait for feedback.
          const discussed = m < periods.length - 1 || k < 2 ? `${period}-${String(4 + k * 7).padStart(2, '0')}` : null;
          const evaluationId = Number(
            insertEvaluation.run(
              recordingId,
              advisor.id,
              advisor.coach,
              versionId,
              period,
              discussed ? 'discussed' : 'final',
              maximum > 0 ? (achieved / maximum) * 100 : null,
              critical.customer,
              critical.business,
              critical.compliance,
              hasCritical,
              finalizedAt,
              finalizedAt,
              finalizedAt,
              discussed,
            ).lastInsertRowid,
          );
          criteria.forEach((c, i) => {
            const v = values[i];
            insertAnswer.run(evaluationId, c.id, v ?? null, v === null ? 1 : 0);
          });
          rows += criteria.length;
        }
        if (m % 3 === 0) {
          const open = m >= periods.length - 3;
          insertAction.run(
            advisor.id,
            criteria[m % criteria.length]!.id,
            `${period}-28`,
            open ? 'open' : 'done',
            `${period}-05T12:00:00.000Z`,
            open ? null : `${period}-27T12:00:00.000Z`,
          );
        }
      }
    }
  })();
  // A working database is checkpointed; reading 3 million rows back through the WAL is not what users see.
  // No ANALYZE: the app never runs it, so the planner works from the schema alone here too.
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return { rows };
}

function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))]!;
}

interface Timing {
  /** Wall-clock p95, ms: what the user waits. */
  wall: number;
  /** Wall-clock median, ms: what the SQLite / PostgreSQL comparison uses, steadier than p95 on a shared machine. */
  median: number;
  /** Process CPU p95, ms: less disturbed when other work shares the machine (SQLite runs on this thread). */
  cpu: number;
}

/**
 * Times each runner `runs` times (after 3 warm-up runs), taking turns run by run, so that whatever
 * else the machine does meanwhile weighs on every runner alike. `keep` collects the results.
 */
async function sampleTurns(
  runs: number,
  runners: readonly { run: (i: number) => Promise<unknown> | unknown; keep?: unknown[] }[],
): Promise<Timing[]> {
  for (let i = 0; i < 3; i++) for (const r of runners) await r.run(i); // warm the statement paths
  const wall = runners.map((): number[] => []);
  const cpu = runners.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, r] of runners.entries()) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      const result = await r.run(i);
      wall[k]!.push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu[k]!.push((used.user + used.system) / 1000);
      r.keep?.push(result);
    }
  }
  return runners.map((_, k) => ({ wall: quantile(wall[k]!, 0.95), median: quantile(wall[k]!, 0.5), cpu: quantile(cpu[k]!, 0.95) }));
}

const sample = async (runs: number, run: (i: number) => Promise<unknown> | unknown): Promise<Timing> =>
  (await sampleTurns(runs, [{ run }]))[0]!;

/** One figure, run the same way (same inputs for the same i) on both databases. */
interface Measure {
  label: string;
  runs: number;
  run(db: Db, i: number): Promise<unknown>;
  /** A report whose output both databases must agree on; the counts are only baselines. */
  report: boolean;
}

/**
 * Where two results first differ, or null. Floating sums may differ in the last bits between the
 * databases (they add in a different order); a relative 1e-9 is far below anything shown.
 */
function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) ? null : `${path}: ${a} ≠ ${b}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} ≠ ${b.length} items`;
    for (let i = 0; i < a.length; i++) {
      const found = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
      if (found) return found;
    }
    return null;
  }
  return a === b ? null : `${path}: ${JSON.stringify(a)?.slice(0, 80)} ≠ ${JSON.stringify(b)?.slice(0, 80)}`;
}

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null));

export async function reportsBench(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'klankbord-bench-reports-'));
  try {
    const core = await openCore(join(work, 'data'));
    let postgres: BenchPostgres = { unavailable: 'not started' };
    try {
      const seedStart = performance.now();
      const { rows } = await seedReportsDatabase(core);
      const seedSeconds = (performance.now() - seedStart) / 1000;
      const advisorIds = (await core.db.selectFrom('staff').select('id').where('role', '=', 'advisor').execute()).map((a) => a.id);
      const periods = periodsBetween(BENCH_FIRST, BENCH_LAST);
      const today = `${BENCH_LAST}-30`;
      const pickAdvisor = (i: number) => advisorIds[(i * 37) % advisorIds.length]!;
      const pickPeriod = (i: number) => periods[periods.length - 1 - ((i * 7) % 24)]!;
      console.log(
        `reports database: ${rows.toLocaleString('en')} answers (${BENCH_ADVISORS} advisors × ${periods.length} months × ${BENCH_PER_MONTH} × 25) seeded in ${seedSeconds.toFixed(1)} s`,
      );

      postgres = await benchPostgres(sqliteOf(core), work);
      if ('unavailable' in postgres) {
        console.log(`PostgreSQL not measured (${postgres.unavailable}); SQLite only. scripts/test-postgres.sh starts a local server.`);
      } else {
        const version = await sql<{ server_version: string }>`show server_version`.execute(postgres.core.db);
        console.log(
          `PostgreSQL ${version.rows[0]?.server_version ?? '?'}: the same rows copied into a fresh team database in ${postgres.loadSeconds.toFixed(1)} s ` +
            `(INSERT … SELECT FROM unnest, then VACUUM ANALYZE)`,
        );
      }
      const pgCore = 'core' in postgres ? postgres.core : null;

      const measures: Measure[] = [
        {
          label: "count(*) of one advisor's evaluations (baseline)",
          runs: 100,
          run: (db, i) => sql`select count(*) as n from evaluation where advisor_id = ${pickAdvisor(i)}`.execute(db),
          report: false,
        },
        {
          label: 'advisor trend, 12 months',
          runs: 100,
          run: (db, i) => advisorTrend(db, { advisorId: pickAdvisor(i) }, today),
          report: true,
        },
        {
          label: 'advisor trend, 60 months',
          runs: 20,
          run: (db, i) => advisorTrend(db, { advisorId: pickAdvisor(i), from: BENCH_FIRST, to: BENCH_LAST }, today),
          report: true,
        },
        {
          label: "advisor trend, 12 months + the team's line per section and criterion",
          runs: 20,
          run: (db, i) => advisorTrend(db, { advisorId: pickAdvisor(i), teamLines: true }, today),
          report: true,
        },
        {
          label: "count(*) of one month's evaluations (baseline)",
          runs: 100,
          run: (db, i) => sql`select count(*) as n from evaluation where period = ${pickPeriod(i)}`.execute(db),
          report: false,
        },
        {
          label: `team month summary with previous month, all ${BENCH_ADVISORS} advisors`,
          runs: 30,
          run: (db, i) => teamMonth(db, { period: pickPeriod(i) }, today),
          report: true,
        },
        {
          label: `team month summary, one team of ${BENCH_ADVISORS / BENCH_TEAMS}`,
          runs: 30,
          run: (db, i) => teamMonth(db, { period: pickPeriod(i), team: `Team ${i % BENCH_TEAMS}` }, today),
          report: true,
        },
      ];

      const countAdvisor = sqliteOf(core).prepare(`SELECT count(*) FROM evaluation WHERE advisor_id = ?`).pluck();
      const countMonth = sqliteOf(core).prepare(`SELECT count(*) FROM evaluation WHERE period = ?`).pluck();
      const advisorBase = await sample(100, (i) => countAdvisor.get(pickAdvisor(i)));
      const monthBase = await sample(100, (i) => countMonth.get(pickPeriod(i)));

      const timings: { measure: Measure; sqlite: Timing; postgres: Timing | null }[] = [];
      let compared = 0;
      const differences: string[] = [];
      for (const measure of measures) {
        const onSqlite: unknown[] = [];
        const onPostgres: unknown[] = [];
        const [sqliteTiming, postgresTiming] = await sampleTurns(measure.runs, [
          { run: (i) => measure.run(core.db, i), keep: onSqlite },
          ...(pgCore ? [{ run: (i: number) => measure.run(pgCore.db, i), keep: onPostgres }] : []),
        ]);
        timings.push({ measure, sqlite: sqliteTiming!, postgres: postgresTiming ?? null });
        if (pgCore && measure.report) {
          onSqlite.forEach((result, i) => {
            compared++;
            const found = firstDifference(plain(result), plain(onPostgres[i]));
            if (found) differences.push(`${measure.label}, run ${i}: ${found}`);
          });
        }
      }
      const [, trend, trend5y, trendTeamLines, , month, monthTeam] = timings.map((t) => t.sqlite);

      const ms = (v: number) => `${v.toFixed(2)} ms`;
      const figure = (t: Timing, base: Timing) => `p95 ${ms(t.wall)} (${(t.wall / base.wall).toFixed(0)}× baseline; CPU p95 ${ms(t.cpu)})`;
      console.log(
        `advisor trend, 12 months: ${figure(trend!, advisorBase)}; 60 months: ${figure(trend5y!, advisorBase)}; ` +
          `baseline = count(*) of one advisor's evaluations, p95 ${ms(advisorBase.wall)} [target ≤ 20 ms]`,
      );
      console.log(
        `advisor trend page, 12 months with the team's line per section and criterion (reads the whole team's answers): ${figure(trendTeamLines!, advisorBase)}`,
      );
      console.log(
        `team month summary with previous month, all ${BENCH_ADVISORS} advisors: ${figure(month!, monthBase)}; one team of ${BENCH_ADVISORS / BENCH_TEAMS}: ${figure(monthTeam!, monthBase)}; ` +
          `baseline = count(*) of one month's evaluations, p95 ${ms(monthBase.wall)} [target ≤ 200 ms]`,
      );

      if (pgCore) {
        const cell = (v: number) => v.toFixed(v < 10 ? 2 : 1);
        console.log('');
        console.log('| query | runs | SQLite ms (median) | PostgreSQL ms (median) | ratio PG/SQLite | SQLite p95 | PostgreSQL p95 |');
        console.log('|---|--:|--:|--:|--:|--:|--:|');
        for (const t of timings) {
          const pgTiming = t.postgres!;
          console.log(
            `| ${t.measure.label} | ${t.measure.runs} | ${cell(t.sqlite.median)} | ${cell(pgTiming.median)} | ` +
              `${(pgTiming.median / t.sqlite.median).toFixed(2)}× | ${cell(t.sqlite.wall)} | ${cell(pgTiming.wall)} |`,
          );
        }
        console.log('');
        console.log(
          `zelfde uitkomst op beide databases: ${differences.length === 0 ? 'ja' : 'nee'} (${compared} report results compared, trend and month summary)`,
        );
        for (const difference of differences.slice(0, 5)) console.log(`  ${difference}`);
      }
    } finally {
      await core.close();
      if ('drop' in postgres) await postgres.drop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
