import { describe, expect, it } from 'vitest';
import { drawSample, isoWeek, weekLabel, type Candidate, type DrawSettings } from '../../src-main/core/sampling/draw';
import { createPrng } from '../../src-main/core/sampling/random';

const settings: DrawSettings = { perAdvisor: 4, minDurationSeconds: 60, spreadWeeks: true, avoidRepeatTopics: true };
const topics = ['burgerzaken', 'belastingen', 'afval', 'parkeren', 'zorg'];
const period = '2026-11';

/** Three calls a day, every day of November 2026, for two advisors; topics rotate. */
function month(): Candidate[] {
  const out: Candidate[] = [];
  let n = 0;
  for (const advisorId of [7, 9]) {
    for (let day = 1; day <= 30; day++) {
      for (const hour of [9, 11, 15]) {
        n++;
        out.push({
          key: `sf:${n}`,
          advisorId,
          callAt: `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00`,
          durationSeconds: 30 + ((n * 37) % 600),
          topic: topics[n % topics.length] ?? null,
        });
      }
    }
  }
  return out;
}

function shuffled<T>(list: readonly T[], seed: string): T[] {
  const prng = createPrng(seed);
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = prng.int(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const keys = (r: ReturnType<typeof drawSample>) => r.picks.map((p) => p.key);

describe('random sample draw', () => {
  it('the PRNG is deterministic per seed', () => {
    const a = createPrng('abc');
    const b = createPrng('abc');
    const c = createPrng('abd');
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    // Pinned: the generator must not change between versions or platforms, or old samples stop being reproducible.
    const pinned = createPrng('klankbord');
    expect([pinned.int(1_000_000), pinned.int(1_000_000), pinned.int(1_000_000)]).toEqual([320362, 793791, 449532]);
  });

  it('same seed and same candidates give identical picks; another seed gives other picks', () => {
    const candidates = month();
    const first = drawSample(candidates, [7, 9], { period, settings, seed: 'seed-1' });
    const again = drawSample(candidates, [7, 9], { period, settings, seed: 'seed-1' });
    expect(again).toEqual(first);
    expect(first.picks).toHaveLength(8);
    const other = drawSample(candidates, [7, 9], { period, settings, seed: 'seed-2' });
    expect(keys(other)).not.toEqual(keys(first));
  });

  it('does not depend on the order of the candidates or of the advisors', () => {
    const candidates = month();
    const first = drawSample(candidates, [7, 9], { period, settings, seed: 'order' });
    const fromShuffled = drawSample(shuffled(candidates, 'x'), [9, 7], { period, settings, seed: 'order' });
    expect(fromShuffled).toEqual(first);
    // An advisor's picks do not depend on who else is drawn.
    const alone = drawSample(candidates, [9], { period, settings, seed: 'order' });
    expect(keys(alone)).toEqual(first.picks.filter((p) => p.advisorId === 9).map((p) => p.key));
  });

  it('spreads four picks over four different weeks when every week has calls', () => {
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      const { picks } = drawSample(month(), [7], { period, settings, seed });
      expect(picks).toHaveLength(4);
      expect(new Set(picks.map((p) => p.weekStart)).size).toBe(4);
    }
  });

  it('labels ISO weeks with the month days they hold', () => {
    expect(isoWeek('2026-11-01')).toEqual({ week: 44, monday: '2026-10-26' });
    expect(isoWeek('2026-11-02')).toEqual({ week: 45, monday: '2026-11-02' });
    expect(isoWeek('2027-01-01')).toEqual({ week: 53, monday: '2026-12-28' });
    expect(weekLabel('2026-10-26', period)).toBe('week 44 (1 nov.)');
    expect(weekLabel('2026-11-02', period)).toBe('week 45 (2–8 nov.)');
    expect(weekLabel('2026-11-30', period)).toBe('week 49 (30 nov.)');
  });

  it('respects the minimum duration', () => {
    const candidates = month();
    const byKey = new Map(candidates.map((c) => [c.key, c]));
    for (const seed of ['1', '2', '3']) {
      const { picks } = drawSample(candidates, [7, 9], { period, settings: { ...settings, minDurationSeconds: 300 }, seed });
      for (const p of picks) expect(byKey.get(p.key)?.durationSeconds).toBeGreaterThanOrEqual(300);
    }
    const none = drawSample([{ key: 'rec:1', advisorId: 7, callAt: '2026-11-03T10:00:00', durationSeconds: 59, topic: 'afval' }], [7], {
      period,
      settings,
      seed: 's',
    });
    expect(none.picks).toEqual([]);
  });

  it('avoids repeating a topic when alternatives exist, and allows it when not', () => {
    // One week, so the week rule does not interfere: ten burgerzaken calls and one of three other topics.
    const oneWeek: Candidate[] = [
      ...Array.from({ length: 10 }, (_, i) => ({
        key: `rec:${i}`,
        advisorId: 7,
        callAt: `2026-11-03T1${i}:00:00`,
        durationSeconds: 200,
        topic: 'burgerzaken',
      })),
      { key: 'rec:20', advisorId: 7, callAt: '2026-11-04T10:00:00', durationSeconds: 200, topic: 'afval' },
      { key: 'rec:21', advisorId: 7, callAt: '2026-11-05T10:00:00', durationSeconds: 200, topic: 'parkeren' },
      { key: 'rec:22', advisorId: 7, callAt: '2026-11-06T10:00:00', durationSeconds: 200, topic: 'zorg' },
    ];
    const topicOf = new Map(oneWeek.map((c) => [c.key, c.topic]));
    for (const seed of ['1', '2', '3', '4', '5']) {
      const { picks } = drawSample(oneWeek, [7], { period, settings, seed });
      expect(new Set(picks.map((p) => topicOf.get(p.key)))).toEqual(new Set(['burgerzaken', 'afval', 'parkeren', 'zorg']));
    }
    const same = oneWeek.slice(0, 10);
    const { picks } = drawSample(same, [7], { period, settings, seed: 'x' });
    expect(picks).toHaveLength(4);
    expect(picks[1]?.reason).toContain('„burgerzaken” zat al in deze steekproef, maar deze week had geen gesprek met een ander onderwerp');
  });

  it('reports a shortfall when there are fewer calls than wanted', () => {
    const few: Candidate[] = [
      { key: 'rec:1', advisorId: 7, callAt: '2026-11-03T10:00:00', durationSeconds: 120, topic: 'afval' },
      { key: 'rec:2', advisorId: 7, callAt: '2026-11-10T10:00:00', durationSeconds: 30, topic: 'afval' },
      { key: 'rec:3', advisorId: 7, callAt: '2026-12-01T10:00:00', durationSeconds: 300, topic: 'afval' },
    ];
    const result = drawSample(few, [7, 8], { period, settings, seed: 's' });
    expect(result.picks.map((p) => p.key)).toEqual(['rec:1']);
    expect(result.shortfalls).toEqual([
      {
        advisorId: 7,
        wanted: 4,
        drawn: 1,
        note: '1 van de 4 gesprekken getrokken: in november 2026 was er maar 1 gesprek van minimaal 60 s dat nog niet beoordeeld of getrokken was (1 gesprek te kort of zonder bekende duur).',
      },
      {
        advisorId: 8,
        wanted: 4,
        drawn: 0,
        note: '0 van de 4 gesprekken getrokken: in november 2026 was er geen gesprek van minimaal 60 s dat nog niet beoordeeld of getrokken was.',
      },
    ]);
  });

  it('explains each pick in Dutch with pool, week, topic and seed', () => {
    const { picks } = drawSample(month(), [7], { period, settings, seed: 'uitleg', topicLabel: (t) => t.toUpperCase() });
    const first = picks[0];
    expect(first?.reason).toMatch(
      /^Willekeurig gekozen uit \d+ gesprekken in week \d+ \([^)]+ nov\.\) van minimaal 60 s; onderwerp „[A-Z]+” nog niet in deze steekproef\. Week geloot uit 6 weken met geschikte gesprekken die nog niet aan de beurt waren\. Seed uitleg, trekking 1\.$/,
    );
    expect(picks.map((p) => p.position)).toEqual([1, 2, 3, 4]);
  });
});
