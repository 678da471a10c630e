import type { z } from 'zod';
import type { rubricDefinition } from '@contract';

/** What the editor form holds: the portable definition before zod fills in its defaults. */
export type RubricFormValues = z.input<typeof rubricDefinition>;
type SectionValues = RubricFormValues['sections'][number];
export type CriterionValues = SectionValues['criteria'][number];

const maxKeyLength = 60;

/** "Stelt open vragen?" → "stelt-open-vragen": readable, file- and URL-safe, no diacritics. */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxKeyLength - 4)
    .replace(/-+$/, '');
  return slug || fallback;
}

function unique(base: string, taken: Set<string>): string {
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
  taken.add(key);
  return key;
}

/**
 * Authors need not think up keys: every empty key is derived from its title, unique among the
 * sections or among all criteria (keys already typed are kept as they are).
 */
export function fillKeys(values: RubricFormValues): RubricFormValues {
  const sectionKeys = new Set(values.sections.map((s) => s.key.trim()).filter(Boolean));
  const criterionKeys = new Set(values.sections.flatMap((s) => s.criteria.map((c) => c.key.trim())).filter(Boolean));
  return {
    ...values,
    key: values.key.trim() || slugify(values.name, 'formulier'),
    sections: values.sections.map((s) => ({
      ...s,
      key: s.key.trim() || unique(slugify(s.title, 'onderdeel'), sectionKeys),
      criteria: s.criteria.map((c) => ({ ...c, key: c.key.trim() || unique(slugify(c.title, 'criterium'), criterionKeys) })),
    })),
  };
}

/** Levels 1..max, keeping what the author already wrote for levels that stay. */
export function resizeLevels(
  levels: CriterionValues['levels'],
  max: number,
  defaultLabel: (value: number, max: number) => string,
): NonNullable<CriterionValues['levels']> {
  return Array.from({ length: max }, (_, i) => {
    const value = i + 1;
    return levels?.find((l) => l.value === value) ?? { value, label: defaultLabel(value, max), guidance: '' };
  });
}

export function newCriterion(title: string): CriterionValues {
  return {
    key: '',
    title,
    description: '',
    type: 'yes_no',
    levels: [],
    weight: 1,
    required: true,
    allowNa: false,
    criticalClass: null,
  };
}

export function newSection(title: string, criterionTitle: string): SectionValues {
  return { key: '', title, criteria: [newCriterion(criterionTitle)] };
}

/** Keys are technical: monospace in the input only, so the label keeps the form's font. */
export const keyInputStyles = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };
