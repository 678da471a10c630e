/**
 * Krippendorff's alpha by the coincidence-matrix method of Krippendorff (2011), "Computing
 * Krippendorff's Alpha-Reliability" (University of Pennsylvania, ASC papers 43), for nominal,
 * ordinal and interval data with missing values. Checked against the paper's worked example in
 * tests/unit/krippendorff.test.ts.
 *
 *   o_ck  = Σ_u (number of c–k pairs of different observers in unit u) / (m_u − 1)
 *   n_c   = Σ_k o_ck,  n = Σ_c n_c  (the pairable values: those in units with m_u ≥ 2)
 *   D_o   = Σ_c Σ_k o_ck · δ²_ck / n
 *   D_e   = Σ_c Σ_k n_c · n_k · δ²_ck / (n · (n − 1))
 *   alpha = 1 − D_o / D_e
 *
 * δ² is 0/1 for nominal data, (c − k)² for interval data and, for ordinal data,
 * (Σ_{g=c..k} n_g − (n_c + n_k) / 2)²: only the order of the values and how often each occurs
 * matter, not their distance.
 */

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval';

/** One observer's value for one unit; null is missing (not coded, or n.v.t.). */
export type Rating = number | null;

export interface AlphaDetail {
  /** Null without pairable values or without any variation (D_e = 0): agreement cannot be judged. */
  value: number | null;
  /** n: values in units that at least two observers coded. */
  pairable: number;
  /**
   * D_o and D_e divided by the metric's largest δ² between the values present, so both lie in
   * 0..1 whatever the metric: what lets disagreements of different metrics be pooled.
   */
  observed: number;
  expected: number;
}

const none = (pairable: number): AlphaDetail => ({ value: null, pairable, observed: 0, expected: 0 });

/** `data`: one row per unit, one column per observer. Rows may differ in length; missing cells are null. */
export function krippendorff(data: readonly (readonly Rating[])[], level: AlphaLevel): AlphaDetail {
  const units = data
    .map((row) => row.filter((v): v is number => v !== null && Number.isFinite(v)))
    // A unit coded once says nothing about agreement.
    .filter((values) => values.length >= 2);
  if (units.length === 0) return none(0);

  const values = [...new Set(units.flat())].sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const size = values.length;
  const o = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const unit of units) {
    const counts = new Array<number>(size).fill(0);
    for (const v of unit) counts[index.get(v) ?? 0]! += 1;
    const weight = 1 / (unit.length - 1);
    for (let c = 0; c < size; c++) {
      const nc = counts[c]!;
      if (nc === 0) continue;
      for (let k = 0; k < size; k++) {
        const pairs = c === k ? nc * (nc - 1) : nc * counts[k]!;
        if (pairs > 0) o[c]![k]! += pairs * weight;
      }
    }
  }
  const marginals = o.map((row) => row.reduce((sum, x) => sum + x, 0));
  const n = marginals.reduce((sum, x) => sum + x, 0);
  // Cumulative marginals: Σ_{g=c..k} n_g = cumulative[k + 1] − cumulative[c].
  const cumulative = [0];
  for (const m of marginals) cumulative.push(cumulative.at(-1)! + m);

  const delta2 = (c: number, k: number): number => {
    if (c === k) return 0;
    if (level === 'nominal') return 1;
    if (level === 'interval') return (values[c]! - values[k]!) ** 2;
    const [lo, hi] = c < k ? [c, k] : [k, c];
    return (cumulative[hi + 1]! - cumulative[lo]! - (marginals[lo]! + marginals[hi]!) / 2) ** 2;
  };

  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const d = delta2(c, k);
      if (d === 0) continue;
      observed += o[c]![k]! * d;
      expected += marginals[c]! * marginals[k]! * d;
    }
  }
  observed /= n;
  expected /= n * (n - 1);
  const pairable = Math.round(n);
  if (expected === 0) return none(pairable);
  // The two extreme values are the furthest apart in every metric here (ordinal: cumulative sums grow).
  const scale = delta2(0, size - 1);
  return { value: 1 - observed / expected, pairable, observed: observed / scale, expected: expected / scale };
}

/**
 * One alpha over parts measured with different metrics (scale criteria ordinal, yes/no nominal):
 * each part's normalised disagreements weighted by its pairable values,
 *   alpha = 1 − Σ n_p · D_o,p / Σ n_p · D_e,p.
 * A part without variation adds nothing to either sum; with no expected disagreement anywhere the
 * result is null.
 */
export function pooledAlpha(parts: readonly AlphaDetail[]): AlphaDetail {
  const pairable = parts.reduce((sum, p) => sum + p.pairable, 0);
  const observed = parts.reduce((sum, p) => sum + p.pairable * p.observed, 0);
  const expected = parts.reduce((sum, p) => sum + p.pairable * p.expected, 0);
  if (pairable === 0 || expected === 0) return none(pairable);
  return { value: 1 - observed / expected, pairable, observed: observed / pairable, expected: expected / pairable };
}
