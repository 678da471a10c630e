/**
 * Name parts that are particles, not names: "van der Berg" must not match every Dutch text
 * containing "van" or "der". Only parts of three letters or more are matched at all.
 */
const particles = new Set([
  'van',
  'der',
  'den',
  'ten',
  'ter',
  'het',
  'von',
  'aan',
  'bij',
  'uit',
  'voor',
  'over',
  'onder',
  'des',
  'del',
  'dos',
  'das',
  'les',
  'las',
  'vom',
  'zum',
  'zur',
]);

const MIN_PART = 3;

/** Case, accents and runs of white space do not matter: "ozlem" names "Özlem". */
export const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl').replace(/\s+/g, ' ');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The name parts matched on their own: "Sanne de Vries" gives "sanne" and "vries". */
export function nameParts(name: string): string[] {
  return fold(name)
    .split(/[\s-]+/)
    .filter((part) => [...part].filter((c) => /\p{L}/u.test(c)).length >= MIN_PART && !particles.has(part));
}

/**
 * Whether a text names a person: the full name, a name part of at least three letters, or the
 * employee number, each as a whole word (so "Jan" does not match "januari" and "1043" not "10430").
 */
export function personMatcher(name: string, employeeNumber: string): (text: string) => boolean {
  const needles = new Set<string>();
  const full = fold(name.trim());
  if (full.length >= MIN_PART) needles.add(full);
  for (const part of nameParts(name)) needles.add(part);
  const number = fold(employeeNumber.trim());
  if (number.length >= MIN_PART) needles.add(number);
  if (needles.size === 0) return () => false;
  const alternatives = [...needles].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u');
  return (text) => text.length > 0 && pattern.test(fold(text));
}
