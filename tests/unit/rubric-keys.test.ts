import { describe, expect, it } from 'vitest';
import { rubricDefinition } from '../../src-main/contract';
import { parseRubricFile, rubricProblems } from '../../src-main/core/rubrics/editor';
import { fillKeys, newCriterion, newSection, resizeLevels, slugify } from '../../src-renderer/features/rubrics/keys';

describe('keys derived from titles', () => {
  it('makes readable, ASCII keys', () => {
    expect(slugify('Stelt open vragen?', 'criterium')).toBe('stelt-open-vragen');
    expect(slugify('Privacy & identiteit — één keer', 'x')).toBe('privacy-identiteit-een-keer');
    expect(slugify('  ', 'onderdeel')).toBe('onderdeel');
    expect(slugify('a'.repeat(100), 'x').length).toBeLessThanOrEqual(56);
  });

  it('fills only empty keys, unique among sections and among all criteria', () => {
    const values = {
      key: '',
      name: 'Gemeente Zuid',
      sections: [
        {
          ...newSection('Opening', 'Groet'),
          criteria: [newCriterion('Groet'), { ...newCriterion('Groet'), key: 'groet-2' }, newCriterion('Groet')],
        },
        newSection('Opening', 'Groet'),
        { ...newSection('Afsluiting', 'x'), key: 'eigen-sleutel' },
      ],
    };
    const filled = fillKeys(values);
    expect(filled.key).toBe('gemeente-zuid');
    expect(filled.sections.map((s) => s.key)).toEqual(['opening', 'opening-2', 'eigen-sleutel']);
    expect(filled.sections.flatMap((s) => s.criteria.map((c) => c.key))).toEqual(['groet', 'groet-2', 'groet-3', 'groet-4', 'x']);
    const parsed = rubricDefinition.parse(filled);
    expect(rubricProblems(parsed)).toEqual([]);
  });

  it('resizes scale levels and keeps what the author wrote', () => {
    const three = resizeLevels([], 3, (v) => `L${v}`);
    expect(three).toEqual([
      { value: 1, label: 'L1', guidance: '' },
      { value: 2, label: 'L2', guidance: '' },
      { value: 3, label: 'L3', guidance: '' },
    ]);
    const edited = three.map((l) => (l.value === 2 ? { ...l, label: 'Matig', guidance: 'Deels' } : l));
    expect(resizeLevels(edited, 4, (v) => `L${v}`).map((l) => l.label)).toEqual(['L1', 'Matig', 'L3', 'L4']);
    expect(resizeLevels(edited, 2, (v) => `L${v}`)).toEqual([
      { value: 1, label: 'L1', guidance: '' },
      { value: 2, label: 'Matig', guidance: 'Deels' },
    ]);
  });
});

describe('rubric files', () => {
  const file = (over: Record<string, unknown>) =>
    JSON.stringify({
      key: 'k',
      name: 'N',
      sections: [{ key: 's', title: 'S', criteria: [{ key: 'c', title: 'C', type: 'yes_no', weight: 1 }] }],
      ...over,
    });

  it('accepts a minimal hand-written file with defaults filled in', () => {
    expect(parseRubricFile('f.json', file({}))).toEqual({
      key: 'k',
      name: 'N',
      criticalZeroesTotal: false,
      sections: [
        {
          key: 's',
          title: 'S',
          criteria: [
            {
              key: 'c',
              title: 'C',
              description: '',
              type: 'yes_no',
              levels: [],
              weight: 1,
              required: true,
              allowNa: false,
              criticalClass: null,
            },
          ],
        },
      ],
    });
    expect(parseRubricFile('f.json', `\uFEFF${file({ klankbordRubric: 1 })}`).key).toBe('k');
  });

  it('names the place and the problem', () => {
    const reason = (text: string) => {
      try {
        parseRubricFile('f.json', text);
      } catch (error) {
        return String((error as { params: { reason: string } }).params.reason);
      }
      throw new Error('expected a failure');
    };
    expect(reason(file({ sections: [] }))).toBe('veld "sections" (onderdelen) moet minstens 1 onderdeel bevatten');
    expect(reason(file({ name: '' }))).toBe('veld "name" (naam) mag niet leeg zijn');
    expect(reason(file({ sections: [{ key: 's', title: 'S', criteria: [{ key: 'c', title: 'C', type: 'ja', weight: 0 }] }] }))).toBe(
      'onderdeel 1 "S", criterium 1 "C", veld "type" (soort) moet een van "yes_no", "scale" zijn; onderdeel 1 "S", criterium 1 "C", veld "weight" (weging) moet groter dan 0 zijn',
    );
    expect(reason('{"key": "k",')).toContain('geen geldige JSON');
  });
});
