import { extname } from 'node:path';
import { sql } from 'kysely';
import type { AnonymiseInput, AnonymisePreview, AnonymiseResult, MentionKind } from '../../contract';
import type { Core } from '../app';
import { recordAudit, redactAudit } from '../audit/audit';
import { localDateOf, nowIso } from '../clock';
import type { Db } from '../db/connection';
import type { StaffRow } from '../db/schema';
import { AppError, notFound } from '../errors';
import { personRecordingIds } from './collect';
import { personMatcher } from './mentions';

type Mentions = (text: string) => boolean;

/** One free-text field (or, for a history snapshot, every field inside it) that names the person, and how to clear it. */
interface Edit {
  kind: MentionKind;
  fields: number;
  apply(trx: Db): Promise<void>;
}

export const replacementName = (staffId: number) => `Oud-medewerker ${staffId}`;
const replacementNumberBase = (staffId: number) => `ANON-${staffId}`;

/** A neutral file name that keeps the extension, so the player and exports still know the format. */
export const neutralFileName = (recordingId: number, originalName: string) => `opname-${recordingId}${extname(originalName).toLowerCase()}`;

/** Clears every string inside a stored JSON value that names the person; returns how many it cleared. */
function clearStrings(value: unknown, mentions: Mentions): { value: unknown; cleared: number } {
  if (typeof value === 'string') return mentions(value) ? { value: '', cleared: 1 } : { value, cleared: 0 };
  if (Array.isArray(value)) {
    let cleared = 0;
    const out = value.map((v) => {
      const r = clearStrings(v, mentions);
      cleared += r.cleared;
      return r.value;
    });
    return { value: out, cleared };
  }
  if (value !== null && typeof value === 'object') {
    let cleared = 0;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = clearStrings(v, mentions);
      cleared += r.cleared;
      out[k] = r.value;
    }
    return { value: out, cleared };
  }
  return { value, cleared: 0 };
}

/**
 * Every free-text field connected to the person that names them: what they were told, what was
 * written about their calls, their onboarding, their plan and the names of their recordings.
 * Text the person wrote about colleagues as coach or buddy is not theirs to erase here.
 */
async function findMentions(db: Db, staffId: number, mentions: Mentions): Promise<Edit[]> {
  const edits: Edit[] = [];
  const field = (kind: MentionKind, value: string, apply: (trx: Db) => Promise<unknown>) => {
    if (mentions(value)) edits.push({ kind, fields: 1, apply: async (trx) => void (await apply(trx)) });
  };
  const ofPerson = db.selectFrom('evaluation').select('evaluation.id').where('evaluation.advisor_id', '=', staffId);
  const recordingIds = personRecordingIds(db, staffId);

  for (const e of await db.selectFrom('evaluation').select(['id', 'tops', 'tips']).where('advisor_id', '=', staffId).execute()) {
    field('evaluation', e.tops, (trx) => trx.updateTable('evaluation').set({ tops: '' }).where('id', '=', e.id).execute());
    field('evaluation', e.tips, (trx) => trx.updateTable('evaluation').set({ tips: '' }).where('id', '=', e.id).execute());
  }
  for (const a of await db
    .selectFrom('answer')
    .select(['evaluation_id', 'criterion_id', 'note'])
    .where('evaluation_id', 'in', ofPerson)
    .execute()) {
    field('answer_note', a.note, (trx) =>
      trx
        .updateTable('answer')
        .set({ note: '' })
        .where('evaluation_id', '=', a.evaluation_id)
        .where('criterion_id', '=', a.criterion_id)
        .execute(),
    );
  }
  for (const m of await db.selectFrom('marker').select(['id', 'text']).where('recording_id', 'in', recordingIds).execute()) {
    field('marker', m.text, (trx) => trx.updateTable('marker').set({ text: '' }).where('id', '=', m.id).execute());
  }
  for (const v of await db
    .selectFrom('evaluation_version')
    .select(['id', 'note', 'snapshot_json'])
    .where('evaluation_id', 'in', ofPerson)
    .execute()) {
    field('evaluation_history', v.note, (trx) => trx.updateTable('evaluation_version').set({ note: '' }).where('id', '=', v.id).execute());
    // The snapshot repeats the evaluation's texts as they were; the same rule clears them there.
    const { value, cleared } = clearStrings(JSON.parse(v.snapshot_json), mentions);
    if (cleared > 0) {
      const json = JSON.stringify(value);
      edits.push({
        kind: 'evaluation_history',
        fields: cleared,
        apply: async (trx) =>
          void (await trx.updateTable('evaluation_version').set({ snapshot_json: json }).where('id', '=', v.id).execute()),
      });
    }
  }
  for (const d of await db
    .selectFrom('dispute')
    .select(['id', 'reason', 'outcome_note'])
    .where('evaluation_id', 'in', ofPerson)
    .execute()) {
    field('dispute', d.reason, (trx) => trx.updateTable('dispute').set({ reason: '' }).where('id', '=', d.id).execute());
    field('dispute', d.outcome_note, (trx) => trx.updateTable('dispute').set({ outcome_note: '' }).where('id', '=', d.id).execute());
  }
  for (const s of await db
    .selectFrom('feedback_session')
    .select(['id', 'tops', 'tips', 'reaction', 'disagreement_comment'])
    .where('advisor_id', '=', staffId)
    .execute()) {
    const set = (column: 'tops' | 'tips' | 'reaction' | 'disagreement_comment') => (trx: Db) =>
      trx
        .updateTable('feedback_session')
        .set({ [column]: '' })
        .where('id', '=', s.id)
        .execute();
    field('feedback', s.tops, set('tops'));
    field('feedback', s.tips, set('tips'));
    field('feedback', s.reaction, set('reaction'));
    field('feedback', s.disagreement_comment, set('disagreement_comment'));
  }
  for (const a of await db
    .selectFrom('action_item')
    .select(['id', 'description', 'follow_up_note'])
    .where('advisor_id', '=', staffId)
    .execute()) {
    field('action_point', a.description, (trx) => trx.updateTable('action_item').set({ description: '' }).where('id', '=', a.id).execute());
    field('action_point', a.follow_up_note, (trx) =>
      trx.updateTable('action_item').set({ follow_up_note: '' }).where('id', '=', a.id).execute(),
    );
  }
  const tracks = db.selectFrom('onboarding').select('onboarding.id').where('onboarding.staff_id', '=', staffId);
  for (const o of await db.selectFrom('onboarding').select(['id', 'completion_note']).where('staff_id', '=', staffId).execute()) {
    field('onboarding', o.completion_note, (trx) =>
      trx.updateTable('onboarding').set({ completion_note: '' }).where('id', '=', o.id).execute(),
    );
  }
  for (const i of await db.selectFrom('onboarding_item').select(['id', 'note']).where('onboarding_id', 'in', tracks).execute()) {
    field('onboarding', i.note, (trx) => trx.updateTable('onboarding_item').set({ note: '' }).where('id', '=', i.id).execute());
  }
  for (const c of await db
    .selectFrom('buddy_checkin')
    .select(['id', 'went_well', 'to_practise'])
    .where('onboarding_id', 'in', tracks)
    .execute()) {
    field('checkin', c.went_well, (trx) => trx.updateTable('buddy_checkin').set({ went_well: '' }).where('id', '=', c.id).execute());
    field('checkin', c.to_practise, (trx) => trx.updateTable('buddy_checkin').set({ to_practise: '' }).where('id', '=', c.id).execute());
  }
  for (const q of await db.selectFrom('quota_override').select(['id', 'reason']).where('advisor_id', '=', staffId).execute()) {
    field('plan', q.reason, (trx) => trx.updateTable('quota_override').set({ reason: '' }).where('id', '=', q.id).execute());
  }
  for (const s of await db
    .selectFrom('sample_item')
    .select(['id', 'reason', 'replace_reason'])
    .where('advisor_id', '=', staffId)
    .execute()) {
    field('plan', s.reason, (trx) => trx.updateTable('sample_item').set({ reason: '' }).where('id', '=', s.id).execute());
    field('plan', s.replace_reason ?? '', (trx) =>
      trx.updateTable('sample_item').set({ replace_reason: '' }).where('id', '=', s.id).execute(),
    );
  }
  // File names often carry the employee number (`20261103-093512_1043_burgerzaken.wav`); the retention log keeps a copy.
  for (const r of await db.selectFrom('recording').select(['id', 'original_name']).where('id', 'in', recordingIds).execute()) {
    const neutral = neutralFileName(r.id, r.original_name);
    field('recording_name', r.original_name, async (trx) => {
      await trx.updateTable('recording').set({ original_name: neutral }).where('id', '=', r.id).execute();
      await trx.updateTable('retention_log').set({ original_name: neutral }).where('recording_id', '=', r.id).execute();
    });
  }
  return edits;
}

async function staffRow(db: Db, staffId: number): Promise<StaffRow> {
  const row = await db.selectFrom('staff').selectAll().where('id', '=', staffId).executeTakeFirst();
  if (!row) throw notFound(`Medewerker ${staffId}`);
  return row;
}

/** `ANON-17`, or `ANON-17-2` in the odd case someone already holds that number. */
async function freeReplacementNumber(db: Db, staffId: number): Promise<string> {
  const base = replacementNumberBase(staffId);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const holder = await db.selectFrom('staff').select('id').where('employee_number', '=', candidate).executeTakeFirst();
    if (!holder || holder.id === staffId) return candidate;
  }
}

const countWhere = async (query: Promise<{ n: number | string | bigint } | undefined>) => Number((await query)?.n ?? 0);

async function counts(db: Db, staffId: number) {
  return {
    evaluations: await countWhere(
      db
        .selectFrom('evaluation')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('advisor_id', '=', staffId)
        .executeTakeFirst(),
    ),
    feedbackSessions: await countWhere(
      db
        .selectFrom('feedback_session')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('advisor_id', '=', staffId)
        .executeTakeFirst(),
    ),
    actionPoints: await countWhere(
      db
        .selectFrom('action_item')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('advisor_id', '=', staffId)
        .executeTakeFirst(),
    ),
    recordings: await countWhere(
      db
        .selectFrom('recording')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) =>
          eb.or([
            eb('advisor_id', '=', staffId),
            eb('id', 'in', eb.selectFrom('evaluation').select('evaluation.recording_id').where('evaluation.advisor_id', '=', staffId)),
          ]),
        )
        .executeTakeFirst(),
    ),
  };
}

const sumFields = (edits: readonly Edit[]) => edits.reduce((n, e) => n + e.fields, 0);

export async function anonymisePreview(core: Core, staffId: number): Promise<AnonymisePreview> {
  const db = core.db;
  const row = await staffRow(db, staffId);
  const edits = row.anonymised_at === null ? await findMentions(db, staffId, personMatcher(row.name, row.employee_number)) : [];
  const byKind = new Map<MentionKind, number>();
  for (const e of edits) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + e.fields);
  return {
    staffId,
    name: row.name,
    employeeNumber: row.employee_number,
    status: row.status,
    anonymisedAt: row.anonymised_at,
    ...(await counts(db, staffId)),
    freeTextMentions: sumFields(edits),
    mentions: [...byKind].map(([kind, count]) => ({ kind, count })),
    replacementName: replacementName(staffId),
    replacementEmployeeNumber: row.anonymised_at === null ? await freeReplacementNumber(db, staffId) : row.employee_number,
  };
}

const sameName = (a: string, b: string) => {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
  return norm(a) === norm(b);
};

/**
 * Anonymises a person who left: name and employee number replaced, optionally every free-text
 * field that names them cleared, and their name and number redacted from the audit trail.
 * Evaluations, scores, answers and every link stay, so team figures and trends do not move.
 * All of it in one transaction: it happens completely or not at all.
 */
export async function anonymisePerson(core: Core, actorId: number | null, input: AnonymiseInput): Promise<AnonymiseResult> {
  return core.db.transaction().execute(async (trx) => {
    const row = await staffRow(trx, input.staffId);
    if (row.anonymised_at !== null) throw new AppError('anonymise_already_done', { date: localDateOf(row.anonymised_at) });
    if (row.status !== 'left') throw new AppError('anonymise_not_left', { name: row.name });
    if (!sameName(input.confirmName, row.name)) throw new AppError('anonymise_confirm_mismatch', { name: row.name });

    const newName = replacementName(row.id);
    const newNumber = await freeReplacementNumber(trx, row.id);
    const at = nowIso();

    let cleared = 0;
    if (input.clearFreeText) {
      const edits = await findMentions(trx, row.id, personMatcher(row.name, row.employee_number));
      for (const edit of edits) await edit.apply(trx);
      cleared = sumFields(edits);
    }

    await trx
      .updateTable('staff')
      .set({ name: newName, employee_number: newNumber, anonymised_at: at, updated_at: at })
      .where('id', '=', row.id)
      .execute();

    // Counted before redacting: an entry holding both name and number is one entry.
    const redactable = await trx
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) =>
        eb.or(
          [row.name, row.employee_number].flatMap((secret) =>
            (['summary', 'before_json', 'after_json'] as const).map((column) => {
              // "Contains", case-sensitive, in SQL both databases share (no instr/strpos).
              const text = sql<string>`coalesce(${sql.ref(column)}, '')`;
              return eb(sql<string>`replace(${text}, ${secret}, '')`, '<>', text);
            }),
          ),
        ),
      )
      .executeTakeFirst();
    await redactAudit(trx, [row.name], newName);
    await redactAudit(trx, [row.employee_number], newNumber);

    await recordAudit(trx, {
      entity: 'privacy',
      entityId: row.id,
      action: 'anonymised',
      actorId,
      summary: `Medewerker ${row.id} geanonimiseerd: naam en personeelsnummer vervangen${
        input.clearFreeText ? `, ${cleared} ${cleared === 1 ? 'tekstveld' : 'tekstvelden'} met de naam gewist` : ''
      }`,
    });

    return {
      staffId: row.id,
      replacementName: newName,
      replacementEmployeeNumber: newNumber,
      clearedFreeText: cleared,
      redactedAuditEntries: Number(redactable?.n ?? 0),
    };
  });
}
