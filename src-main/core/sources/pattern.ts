import departments from '../../../resources/departments.json';

/**
 * File-name patterns with named fields, as telephony platforms name their recordings:
 *
 *   {date:yyyyMMdd}-{time:HHmmss}_{employee}_{topic}.wav
 *   {callid}_{direction}_{employee}_{date:yyyy-MM-dd}_{time:HH-mm-ss}.*
 *
 * - Fields: `{date:FORMAT}` (yyyy, MM and dd in any order with `-`, `_`, `.` or nothing between;
 *   default yyyyMMdd), `{time:FORMAT}` (HH and mm, optionally ss, same separators; default HHmmss),
 *   `{employee}` (letters and digits), `{topic}` (any text; see below), `{direction}` (in, uit,
 *   inkomend, uitgaand, inbound, outbound, out), `{callid}` (letters, digits and dashes).
 * - `*` matches any text (also nothing). Everything else is literal, compared case-insensitively.
 * - A pattern is matched against the file name only, never the folders above it. A pattern that
 *   does not end in an extension (`.wav`, `.*`) is matched against the name without its extension.
 * - Topic: matched to a key or label of resources/departments.json, ignoring case, diacritics and
 *   `-`/`_`/space differences; an unknown topic is kept as the raw text from the name, so the
 *   library still shows and filters it.
 * - Dates and times must exist (no 31 November, no 25:00).
 */

export type Direction = 'in' | 'out';

export interface NameFields {
  /** `YYYY-MM-DDTHH:mm:ss` local time, or `YYYY-MM-DDT00:00:00` when the pattern has no time; null without a date. */
  callAt: string | null;
  employeeNumber: string | null;
  /** A departments.json key, or the raw text when the topic is unknown. */
  topic: string | null;
  direction: Direction | null;
  callId: string | null;
}

export type ParseResult = { ok: true; patternIndex: number; fields: NameFields } | { ok: false; reason: string };

type FieldName = 'date' | 'time' | 'employee' | 'topic' | 'direction' | 'callid';
const fieldNames: readonly FieldName[] = ['date', 'time', 'employee', 'topic', 'direction', 'callid'];

/** One capture group of the compiled expression, and how to read it. */
interface Slot {
  field: FieldName;
  /** date: order of y, M, d groups; time: H, m, s. */
  parts: string[];
}

export interface CompiledPattern {
  source: string;
  regex: RegExp;
  slots: Slot[];
  hasExtension: boolean;
  hasEmployee: boolean;
}

/** A pattern that cannot be used, with the reason in Dutch. */
export class PatternError extends Error {
  constructor(
    readonly pattern: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'PatternError';
  }
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const separators = /^[-_. ]?$/;

/** `yyyy-MM-dd` → regex source and the order of its parts, or a Dutch reason. */
function compileDateTime(kind: 'date' | 'time', format: string): { regex: string; parts: string[] } | string {
  const tokens = kind === 'date' ? ['yyyy', 'MM', 'dd'] : ['HH', 'mm', 'ss'];
  const parts: string[] = [];
  let regex = '';
  let rest = format;
  let lastWasToken = false;
  while (rest.length > 0) {
    const token = tokens.find((t) => rest.startsWith(t));
    if (token) {
      if (parts.includes(token)) return `${token} staat twee keer in "${format}"`;
      parts.push(token);
      regex += token === 'yyyy' ? '(\\d{4})' : '(\\d{2})';
      rest = rest.slice(token.length);
      lastWasToken = true;
    } else {
      const char = rest[0] ?? '';
      if (!lastWasToken || !separators.test(char)) {
        return kind === 'date'
          ? `onbekend datumformaat "${format}" (gebruik yyyy, MM en dd, bijvoorbeeld yyyyMMdd, yyyy-MM-dd of dd-MM-yyyy)`
          : `onbekend tijdformaat "${format}" (gebruik HH, mm en eventueel ss, bijvoorbeeld HHmmss, HH-mm-ss, HH.mm.ss of HHmm)`;
      }
      regex += escapeRegex(char);
      rest = rest.slice(1);
      lastWasToken = false;
    }
  }
  const required = kind === 'date' ? ['yyyy', 'MM', 'dd'] : ['HH', 'mm'];
  const missing = required.filter((t) => !parts.includes(t));
  if (missing.length > 0 || !lastWasToken) {
    return kind === 'date'
      ? `het datumformaat "${format}" moet yyyy, MM en dd bevatten`
      : `het tijdformaat "${format}" moet HH en mm bevatten (en eventueel ss)`;
  }
  return { regex, parts };
}

const simpleFieldRegex: Record<'employee' | 'topic' | 'direction' | 'callid', string> = {
  employee: '([0-9A-Za-z]+)',
  topic: '(.+?)',
  direction: '(inkomend|uitgaand|inbound|outbound|in|uit|out)',
  callid: '([0-9A-Za-z][0-9A-Za-z-]*?)',
};

/** Compiles a pattern once, or throws PatternError with a Dutch reason. */
export function compilePattern(pattern: string): CompiledPattern {
  const source = pattern.trim();
  const fail = (reason: string): never => {
    throw new PatternError(source, reason);
  };
  if (source.length === 0) fail('het patroon is leeg');
  if (/[\\/]/.test(source)) fail('een patroon beschrijft alleen de bestandsnaam, zonder mappen (geen / of \\)');
  let regex = '';
  const slots: Slot[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i] ?? '';
    if (char === '}') fail(`er staat een } zonder { op positie ${i + 1}`);
    if (char === '*') {
      regex += '.*?';
      i++;
      continue;
    }
    if (char !== '{') {
      regex += escapeRegex(char);
      i++;
      continue;
    }
    const close = source.indexOf('}', i + 1);
    const nextOpen = source.indexOf('{', i + 1);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) fail(`de { op positie ${i + 1} wordt niet gesloten met }`);
    const inner = source.slice(i + 1, close);
    const [rawName = '', ...formatParts] = inner.split(':');
    const name = rawName.trim().toLowerCase();
    const format = formatParts.join(':').trim();
    if (name === '') fail(`leeg veld {} op positie ${i + 1}`);
    if (!fieldNames.includes(name as FieldName)) {
      fail(`onbekend veld {${rawName}} (bekende velden: ${fieldNames.map((f) => `{${f}}`).join(', ')})`);
    }
    const field = name as FieldName;
    if (slots.some((s) => s.field === field)) fail(`het veld {${field}} staat twee keer in het patroon`);
    if (field === 'date' || field === 'time') {
      const compiled = compileDateTime(field, format || (field === 'date' ? 'yyyyMMdd' : 'HHmmss'));
      if (typeof compiled === 'string') fail(compiled);
      else {
        regex += compiled.regex;
        slots.push({ field, parts: compiled.parts });
      }
    } else {
      if (format) fail(`het veld {${field}} heeft geen formaat (alleen {date:…} en {time:…})`);
      regex += simpleFieldRegex[field];
      slots.push({ field, parts: [field] });
    }
    i = close + 1;
  }
  if (slots.length === 0) fail('het patroon bevat geen enkel veld, zoals {date} of {employee}');
  return {
    source,
    regex: new RegExp(`^${regex}$`, 'iu'),
    slots,
    hasExtension: /\.(\*|[0-9A-Za-z]{1,5})$/.test(source),
    hasEmployee: slots.some((s) => s.field === 'employee'),
  };
}

/** Null when the pattern is usable, else the Dutch reason. */
export function validatePattern(pattern: string): string | null {
  try {
    compilePattern(pattern);
    return null;
  } catch (error) {
    if (error instanceof PatternError) return error.reason;
    throw error;
  }
}

/** Lower case, no diacritics, and `-`, `_` and spaces alike: how topics are compared. */
function normaliseTopic(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/[\s_-]+/g, '-');
}
const topicByNormalised = new Map<string, string>();
for (const d of departments) {
  topicByNormalised.set(normaliseTopic(d.label), d.key);
  topicByNormalised.set(normaliseTopic(d.key), d.key);
}

/** A departments.json key, or the raw text (trimmed, at most 60 characters) when unknown. */
export function resolveTopic(raw: string): string {
  return topicByNormalised.get(normaliseTopic(raw)) ?? raw.trim().slice(0, 60);
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1970 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The file name of a path with either separator. */
export function baseName(relativePath: string): string {
  return relativePath.split(/[\\/]/).pop() ?? relativePath;
}

function stripExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

type Attempt = { ok: true; fields: NameFields } | { ok: false; reason: string } | null;

function tryPattern(p: CompiledPattern, fileName: string): Attempt {
  const m = p.regex.exec(p.hasExtension ? fileName : stripExtension(fileName));
  if (!m) return null;
  const fields: NameFields = { callAt: null, employeeNumber: null, topic: null, direction: null, callId: null };
  let date: string | null = null;
  let time = '00:00:00';
  let group = 1;
  for (const slot of p.slots) {
    const values = m.slice(group, group + slot.parts.length);
    group += slot.parts.length;
    const part = (name: string) => values[slot.parts.indexOf(name)] ?? '';
    switch (slot.field) {
      case 'date': {
        const [y, mo, d] = [part('yyyy'), part('MM'), part('dd')];
        if (!isRealDate(Number(y), Number(mo), Number(d))) return { ok: false, reason: `de datum ${values.join('-')} bestaat niet` };
        date = `${y}-${mo}-${d}`;
        break;
      }
      case 'time': {
        const [h, mi] = [part('HH'), part('mm')];
        const s = slot.parts.includes('ss') ? part('ss') : '00';
        if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return { ok: false, reason: `de tijd ${values.join(':')} bestaat niet` };
        time = `${h}:${mi}:${s}`;
        break;
      }
      case 'employee':
        fields.employeeNumber = values[0] ?? null;
        break;
      case 'topic':
        fields.topic = values[0] ? resolveTopic(values[0]) : null;
        break;
      case 'direction': {
        const v = (values[0] ?? '').toLowerCase();
        fields.direction = v === 'in' || v === 'inkomend' || v === 'inbound' ? 'in' : 'out';
        break;
      }
      case 'callid':
        fields.callId = values[0] ?? null;
        break;
    }
  }
  if (date) fields.callAt = `${date}T${time}`;
  return { ok: true, fields };
}

/**
 * The fields of the first pattern that fits the file name (folders are ignored), or a Dutch
 * reason naming the file: the first impossible date or time a fitting pattern met, else that no
 * pattern fits.
 */
export function parseWithPatterns(patterns: readonly CompiledPattern[], relativePath: string): ParseResult {
  const fileName = baseName(relativePath).normalize('NFC');
  let firstReason: string | null = null;
  for (const [patternIndex, p] of patterns.entries()) {
    const attempt = tryPattern(p, fileName);
    if (attempt?.ok) return { ok: true, patternIndex, fields: attempt.fields };
    if (attempt && !attempt.ok) firstReason ??= attempt.reason;
  }
  if (patterns.length === 0) return { ok: false, reason: `"${fileName}": er is nog geen bestandsnaampatroon ingesteld voor deze bron` };
  if (firstReason) return { ok: false, reason: `"${fileName}": ${firstReason}` };
  const list = patterns.map((p) => p.source).join(', ');
  return {
    ok: false,
    reason:
      patterns.length === 1
        ? `"${fileName}" past niet op het patroon ${list}`
        : `"${fileName}" past op geen van de ${patterns.length} patronen (${list})`,
  };
}
