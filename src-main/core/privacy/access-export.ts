import { recordingsBlindTo } from '../evaluations/evaluations';
import { AppError } from '../errors';
import type { AccessExport } from '../../contract';
import type { Core } from '../app';
import { recordAudit } from '../audit/audit';
import { nowIso, todayIso } from '../clock';
import { collectPerson } from './collect';
import { renderAccessHtml } from './render-html';

/** "Sanne de Vries" → "sanne-de-vries": a file name any system accepts. */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 60) || 'medewerker';
}

/**
 * Everything Klankbord holds about one person, as a readable HTML document and as JSON, for an
 * access request (AVG art. 15). The export itself lands in the audit trail: who asked for whose
 * data, and when.
 */
export async function exportPerson(core: Core, actorId: number | null, staffId: number): Promise<AccessExport> {
  // One transaction: the files show one consistent moment, and the audit entry exists exactly when they do.
  return core.db.transaction().execute(async (trx) => {
    const data = await collectPerson(trx, staffId);
    // A coach making a blind second opinion on one of these calls may not read the original through an export.
    if (actorId !== null) {
      const blind = await recordingsBlindTo(trx, actorId);
      if (data.recordings.some((r) => blind.has(r.id))) throw new AppError('evaluation_blind');
    }
    const exportedAt = nowIso();
    const actor = actorId === null ? undefined : await trx.selectFrom('staff').select('name').where('id', '=', actorId).executeTakeFirst();
    const html = renderAccessHtml(data, exportedAt, actor?.name ?? null);
    const json = JSON.stringify({ format: 'klankbord-inzage', version: 1, exportedAt, exportedBy: actor?.name ?? null, ...data }, null, 2);
    await recordAudit(trx, {
      entity: 'privacy',
      entityId: staffId,
      action: 'exported',
      actorId,
      summary: `Inzageverzoek: alle gegevens van ${data.person.name} (${data.person.employeeNumber}) geëxporteerd`,
    });
    return { fileNameBase: `inzage-${fileSlug(data.person.name)}-${todayIso()}`, html, json };
  });
}
