import { describe, expect, it } from 'vitest';
import { krippendorff, pooledAlpha, type Rating } from '../../src-main/core/calibration/krippendorff';

/** Observers as rows (as the papers print them) turned into the units × observers matrix krippendorff() takes. */
const byUnit = (observers: readonly (readonly Rating[])[]): Rating[][] =>
  observers[0]!.map((_, unit) => observers.map((row) => row[unit] ?? null));

const _ = null;

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
 * twelve units, values 1–5, missing data. Published: nominal .743, ordinal .815, interval .849.
 * (The same numbers are asserted by the R package krippendorffsalpha and the Python package
 * krippendorff in their own test suites.)
 */
const paper = byUnit([
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]);

/**
 * The computational example of Wikipedia's "Krippendorff's alpha": three coders, fifteen units,
 * values 1–4. Published nominal .691 (0.691358 in the Python package's tests) and interval 0.810845.
 */
const wikipedia = byUnit([
  [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
  [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
  [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
]);

describe("Krippendorff's alpha against published worked examples", () => {
  it('matches the 2011 paper: nominal .743, ordinal .815, interval .849, over 40 pairable values', () => {
    const nominal = krippendorff(paper, 'nominal');
    expect(nominal.value).toBeCloseTo(0.743, 3);
    // Unit 12 has one value and leaves; the other eleven hold 3+4+4+4+4+4+4+4+4+3+2 = 40 values.
    expect(nominal.pairable).toBe(40);
    expect(krippendorff(paper, 'ordinal').value).toBeCloseTo(0.815, 3);
    expect(krippendorff(paper, 'interval').value).toBeCloseTo(0.849, 3);
  });

  it("matches Wikipedia's example: nominal 0.691358, interval 0.810845", () => {
    expect(krippendorff(wikipedia, 'nominal').value).toBeCloseTo(0.691358, 6);
    expect(krippendorff(wikipedia, 'interval').value).toBeCloseTo(0.810845, 6);
  });
});

describe('the ordinal metric', () => {
  it('depends only on the order of the values, not their distances', () => {
    // 1..5 stretched to 0, 0.1, 0.5, 0.9, 1: the same order, other distances.
    const stretch = new Map([
      [1, 0],
      [2, 0.1],
      [3, 0.5],
      [4, 0.9],
      [5, 1],
    ]);
    const stretched = paper.map((row) => row.map((v) => (v === null ? null : stretch.get(v)!)));
    expect(krippendorff(stretched, 'ordinal').value).toBeCloseTo(0.815, 3);
    expect(krippendorff(stretched, 'interval').value).not.toBeCloseTo(0.849, 2);
  });
});

describe('edge cases', () => {
  it('gives exactly 1 for perfect agreement', () => {
    const data = [
      [1, 1, 1],
      [3, 3, null],
      [5, 5, 5],
    ];
    for (const level of ['nominal', 'ordinal', 'interval'] as const) expect(krippendorff(data, level).value).toBe(1);
  });

  it('gives null without pairable values', () => {
    const result = krippendorff(
      [
        [1, null],
        [null, 2],
        [null, null],
      ],
      'nominal',
    );
    expect(result).toMatchObject({ value: null, pairable: 0 });
    expect(krippendorff([], 'ordinal').value).toBeNull();
  });

  it('gives null when nobody varies: agreement cannot be told from chance', () => {
    const result = krippendorff(
      [
        [4, 4],
        [4, 4, 4],
      ],
      'ordinal',
    );
    expect(result).toMatchObject({ value: null, pairable: 5 });
  });

  it('ignores a unit with one value', () => {
    const withLoner = [...paper, [5, null, null, null]];
    expect(krippendorff(withLoner, 'ordinal').value).toBe(krippendorff(paper, 'ordinal').value);
    expect(krippendorff(withLoner, 'nominal').pairable).toBe(40);
  });

  it('works out a tiny nominal case by hand', () => {
    // Units [0,0], [1,1], [0,1]: o00 = 2, o11 = 2, o01 = o10 = 1; n0 = n1 = 3, n = 6.
    // D_o = 2/6 = 1/3; D_e = (3·3 + 3·3) / (6·5) = 0.6; alpha = 1 − (1/3)/0.6 = 4/9.
    const result = krippendorff(
      [
        [0, 0],
        [1, 1],
        [0, 1],
      ],
      'nominal',
    );
    expect(result.value).toBeCloseTo(4 / 9, 12);
    expect(result.observed).toBeCloseTo(1 / 3, 12);
    expect(result.expected).toBeCloseTo(0.6, 12);
  });
});

describe('pooling two metrics', () => {
  // Nominal part: the tiny case above, n = 6, D_o' = 1/3, D_e' = 0.6.
  const nominal = krippendorff(
    [
      [0, 0],
      [1, 1],
      [0, 1],
    ],
    'nominal',
  );
  // Interval part: units [1,3], [3,3]: o13 = o31 = 1, o33 = 2; n1 = 1, n3 = 3, n = 4.
  // D_o = 2·4/4 = 2; D_e = 2·1·3·4 / (4·3) = 2; alpha = 0. Largest δ² = (3−1)² = 4: D_o' = D_e' = 0.5.
  const interval = krippendorff(
    [
      [1, 3],
      [3, 3],
    ],
    'interval',
  );

  it('weights each part’s normalised disagreements by its pairable values', () => {
    expect(interval).toMatchObject({ value: 0, pairable: 4, observed: 0.5, expected: 0.5 });
    // 1 − (6·1/3 + 4·0.5) / (6·0.6 + 4·0.5) = 1 − 4/5.6 = 2/7.
    const pooled = pooledAlpha([nominal, interval]);
    expect(pooled.value).toBeCloseTo(2 / 7, 12);
    expect(pooled.pairable).toBe(10);
  });

  it('equals the one part when the other has no pairable values, and is null when neither has', () => {
    const empty = krippendorff([[1, null]], 'nominal');
    expect(pooledAlpha([nominal, empty]).value).toBeCloseTo(4 / 9, 12);
    expect(pooledAlpha([empty, empty])).toMatchObject({ value: null, pairable: 0 });
  });
});
