import type { Kysely } from 'kysely';
import type { Database, SourceFileTable } from '../db/schema';
import { compilePattern, parseWithPatterns, PatternError, type CompiledPattern } from './pattern';

export interface StaffRef {
  id: number;
  name: string;
  role: string;
}

/** Employee numbers compared without case and leading zeros (`01043` is `1043`). */
export const normaliseEmployeeNumber = (raw: string): string =>
  raw
    .trim()
    .toLowerCase()
    .replace(/^0+(?=.)/, '');

export async function loadStaffIndex(db: Kysely<Database>): Promise<Map<string, StaffRef>> {
  const rows = await db.selectFrom('staff').select(['id', 'name', 'role', 'employee_number']).execute();
  return new Map(rows.map((r) => [normaliseEmployeeNumber(r.employee_number), { id: r.id, name: r.name, role: r.role }]));
}

/** Compiles the patterns a source stores; a bad one (stored by an older version) becomes a PatternError. */
export function compileAll(patterns: readonly string[]): CompiledPattern[] {
  return patterns.map((p) => compilePattern(p));
}

export type NameMapping = Pick<
  SourceFileTable,
  'call_at' | 'employee_number' | 'advisor_id' | 'topic' | 'direction' | 'call_id' | 'match_status' | 'problem'
> & { patternIndex: number | null; advisorName: string | null };

/** How a file name maps: fields, the advisor, and a Dutch problem naming the file when it does not. */
export function mapName(patterns: readonly CompiledPattern[], staff: Map<string, StaffRef>, relativePath: string): NameMapping {
  const parsed = parseWithPatterns(patterns, relativePath);
  const none = { call_at: null, employee_number: null, advisor_id: null, topic: null, direction: null, call_id: null, advisorName: null };
  if (!parsed.ok) return { ...none, match_status: 'unmatched', problem: parsed.reason, patternIndex: null };
  const f = parsed.fields;
  const base = {
    ...none,
    call_at: f.callAt,
    employee_number: f.employeeNumber ? f.employeeNumber.slice(0, 20) : null,
    topic: f.topic,
    direction: f.direction,
    call_id: f.callId ? f.callId.slice(0, 100) : null,
    patternIndex: parsed.patternIndex,
  };
  const fileName = relativePath.split('/').pop() ?? relativePath;
  if (!f.employeeNumber) {
    return {
      ...base,
      match_status: 'unmatched',
      problem: `"${fileName}": het patroon bevat geen personeelsnummer ({employee}), dus geen adviseur`,
    };
  }
  const person = staff.get(normaliseEmployeeNumber(f.employeeNumber));
  if (!person) {
    return {
      ...base,
      match_status: 'unmatched',
      problem: `"${fileName}": personeelsnummer ${f.employeeNumber} is onbekend (importeer of voeg de medewerker toe)`,
    };
  }
  if (person.role !== 'advisor') {
    return {
      ...base,
      advisor_id: null,
      advisorName: null,
      match_status: 'unmatched',
      problem: `"${fileName}": personeelsnummer ${f.employeeNumber} is van ${person.name}, die geen klantadviseur is`,
    };
  }
  return { ...base, advisor_id: person.id, advisorName: person.name, match_status: 'matched', problem: null };
}

export { PatternError };
