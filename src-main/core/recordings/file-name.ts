import departments from '../../../resources/departments.json';

export interface ParsedCallFileName {
  /** Local time of the call as the telephony platform logged it, `YYYY-MM-DDTHH:mm:ss`. */
  callAt: string;
  employeeNumber: string;
  /** A key of departments.json, or null when the name carries no topic we know. */
  topic: string | null;
}

/**
 * `20261103-093512_1043_burgerzaken.wav`: date, time, employee number, optional topic. Platforms
 * differ in separators (`-`, `_`), so both are accepted; anything else (spaces, diacritics) is a
 * name a person typed, which we leave to the coach instead of guessing.
 */
const pattern =
  /^(\d{4})(\d{2})(\d{2})[-_T]?(\d{2})(\d{2})(\d{2})[-_]([0-9A-Za-z]{1,20})(?:[-_]([0-9A-Za-z][0-9A-Za-z_-]*))?(?:\.[0-9A-Za-z]{1,5})?$/;

/** Topic keys compared with `_` and `-` treated alike, because platforms export either. */
const topicByNormalisedKey = new Map(departments.map((d) => [normaliseTopic(d.key), d.key]));

function normaliseTopic(raw: string): string {
  return raw.toLowerCase().replace(/_/g, '-');
}

export function parseCallFileName(name: string): ParsedCallFileName | null {
  const base = name.trim().split(/[\\/]/).pop() ?? '';
  const m = pattern.exec(base);
  if (!m) return null;
  const [, year, month, day, hour, minute, second, employeeNumber, topicRaw] = m;
  if (!year || !month || !day || !hour || !minute || !second || !employeeNumber) return null;
  if (!isRealMoment(Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second))) return null;
  return {
    callAt: `${year}-${month}-${day}T${hour}:${minute}:${second}`,
    employeeNumber,
    topic: topicRaw ? (topicByNormalisedKey.get(normaliseTopic(topicRaw)) ?? null) : null,
  };
}

function isRealMoment(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  if (year < 1970 || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one, which settles leap years for us.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth && hour < 24 && minute < 60 && second < 60;
}
