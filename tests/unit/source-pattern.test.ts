import { describe, expect, it } from 'vitest';
import { compilePattern, parseWithPatterns, validatePattern, type ParseResult } from '../../src-main/core/sources/pattern';

const parse = (patterns: string[], name: string): ParseResult => parseWithPatterns(patterns.map(compilePattern), name);
const fields = (patterns: string[], name: string) => {
  const result = parse(patterns, name);
  if (!result.ok) throw new Error(result.reason);
  return result.fields;
};

describe('file-name patterns', () => {
  it('reads the classic telephony name', () => {
    expect(fields(['{date:yyyyMMdd}-{time:HHmmss}_{employee}_{topic}.wav'], '20261103-093512_1043_burgerzaken.wav')).toEqual({
      callAt: '2026-11-03T09:35:12',
      employeeNumber: '1043',
      topic: 'burgerzaken',
      direction: null,
      callId: null,
    });
  });

  it('reads every date format', () => {
    expect(fields(['{date:yyyyMMdd}_{employee}'], '20261103_1043.wav').callAt).toBe('2026-11-03T00:00:00');
    expect(fields(['{date:yyyy-MM-dd}_{employee}'], '2026-11-03_1043.wav').callAt).toBe('2026-11-03T00:00:00');
    expect(fields(['{date:dd-MM-yyyy}_{employee}'], '03-11-2026_1043.wav').callAt).toBe('2026-11-03T00:00:00');
    expect(fields(['{date:dd.MM.yyyy}_{employee}'], '03.11.2026_1043.wav').callAt).toBe('2026-11-03T00:00:00');
    expect(fields(['{date}_{employee}'], '20261103_1043.wav').callAt).toBe('2026-11-03T00:00:00');
  });

  it('reads every time format', () => {
    expect(fields(['{date}_{time:HHmmss}_{employee}'], '20261103_093512_1043.wav').callAt).toBe('2026-11-03T09:35:12');
    expect(fields(['{date}_{time:HH-mm-ss}_{employee}'], '20261103_09-35-12_1043.wav').callAt).toBe('2026-11-03T09:35:12');
    expect(fields(['{date}_{time:HH.mm.ss}_{employee}'], '20261103_09.35.12_1043.wav').callAt).toBe('2026-11-03T09:35:12');
    expect(fields(['{date}_{time:HHmm}_{employee}'], '20261103_0935_1043.wav').callAt).toBe('2026-11-03T09:35:00');
  });

  it('reads call id and direction, and any extension with .*', () => {
    const pattern = '{callid}_{direction}_{employee}_{date:yyyy-MM-dd}_{time:HH-mm-ss}.*';
    expect(fields([pattern], 'a1b2-c3d4_uit_1043_2026-11-03_09-35-12.mp3')).toEqual({
      callAt: '2026-11-03T09:35:12',
      employeeNumber: '1043',
      topic: null,
      direction: 'out',
      callId: 'a1b2-c3d4',
    });
    expect(fields([pattern], 'X9_in_1043_2026-11-03_09-35-12.WAV').direction).toBe('in');
    expect(fields([pattern], 'X9_Inbound_1043_2026-11-03_09-35-12.ogg').direction).toBe('in');
    expect(fields([pattern], 'X9_outbound_1043_2026-11-03_09-35-12.ogg').direction).toBe('out');
  });

  it('matches a literal extension only, and a pattern without extension against the bare name', () => {
    expect(parse(['{date}_{employee}.wav'], '20261103_1043.mp3').ok).toBe(false);
    expect(parse(['{date}_{employee}.wav'], '20261103_1043.WAV').ok).toBe(true);
    expect(fields(['{date}_{employee}'], '20261103_1043.flac').employeeNumber).toBe('1043');
  });

  it('uses the first of several patterns that fits, and says which', () => {
    const patterns = ['{date:yyyyMMdd}-{time:HHmmss}_{employee}.wav', '{employee}_{date:dd-MM-yyyy}.*'];
    expect(parse(patterns, '20261103-093512_1043.wav')).toMatchObject({ ok: true, patternIndex: 0 });
    expect(parse(patterns, '1043_03-11-2026.mp3')).toMatchObject({ ok: true, patternIndex: 1 });
  });

  it('skips text with the wildcard', () => {
    expect(fields(['*_{employee}_{date}.*'], 'KCC Noord opname_1043_20261103.wav').employeeNumber).toBe('1043');
    expect(fields(['{date}*{employee}.wav'], '20261103 - gesprek - 1043.wav').employeeNumber).toBe('1043');
  });

  it('matches the file name, not the folders', () => {
    expect(fields(['{date}_{employee}.wav'], '2026/11/20261103_1043.wav').employeeNumber).toBe('1043');
    expect(fields(['{date}_{employee}.wav'], '2026\\11\\20261103_1043.wav').employeeNumber).toBe('1043');
  });

  it('handles spaces, diacritics and dashes in names and topics', () => {
    expect(fields(['{date} {time:HH-mm} {employee} {topic}.wav'], '20261103 09-35 1043 Werk en inkomen.wav').topic).toBe('werk-en-inkomen');
    expect(fields(['{date}_{employee}_{topic}.wav'], '20261103_1043_werk_en_inkomen.wav').topic).toBe('werk-en-inkomen');
    expect(fields(['{date}_{employee}_{topic}.wav'], '20261103_1043_Wmo en zorg.wav').topic).toBe('wmo');
    // Unknown topics are kept as they were written.
    expect(fields(['{date}_{employee}_{topic}.wav'], '20261103_1043_Réintegratie-café.wav').topic).toBe('Réintegratie-café');
    // Decomposed (macOS) names match composed patterns.
    expect(fields(['gesprek café {employee}_{date}.wav'], 'gesprek cafe\u0301 1043_20261103.wav').employeeNumber).toBe('1043');
  });

  it('rejects impossible dates and times with a Dutch reason naming the file', () => {
    const r1 = parse(['{date}_{employee}.wav'], '20261131_1043.wav');
    expect(r1).toEqual({ ok: false, reason: '"20261131_1043.wav": de datum 2026-11-31 bestaat niet' });
    expect(parse(['{date}_{employee}.wav'], '20250229_1043.wav').ok).toBe(false);
    expect(parse(['{date}_{employee}.wav'], '20240229_1043.wav').ok).toBe(true);
    const r2 = parse(['{date}_{time}_{employee}.wav'], '20261103_253512_1043.wav');
    expect(r2.ok ? '' : r2.reason).toContain('de tijd 25:35:12 bestaat niet');
  });

  it('says why no pattern fits', () => {
    const one = parse(['{date}_{employee}.wav'], 'notitie.wav');
    expect(one.ok ? '' : one.reason).toBe('"notitie.wav" past niet op het patroon {date}_{employee}.wav');
    const two = parse(['{date}_{employee}.wav', '{employee}.mp3'], 'notitie.wav');
    expect(two.ok ? '' : two.reason).toContain('past op geen van de 2 patronen');
    const none = parseWithPatterns([], 'x.wav');
    expect(none.ok ? '' : none.reason).toContain('nog geen bestandsnaampatroon');
  });

  it('refuses invalid patterns with a Dutch message', () => {
    expect(validatePattern('{date}_{employee}.wav')).toBeNull();
    expect(validatePattern('{datum}_{employee}')).toContain('onbekend veld {datum}');
    expect(validatePattern('{date_{employee}')).toContain('wordt niet gesloten');
    expect(validatePattern('{date}}_{employee}')).toContain('} zonder {');
    expect(validatePattern('{date')).toContain('wordt niet gesloten');
    expect(validatePattern('{}_x')).toContain('leeg veld');
    expect(validatePattern('{date:yyyy/MM/dd}')).toContain('zonder mappen');
    expect(validatePattern('{date:ddMMyy}')).toContain('onbekend datumformaat');
    expect(validatePattern('{time:hh-mm}')).toContain('onbekend tijdformaat');
    expect(validatePattern('{date:yyyyMM}')).toContain('moet yyyy, MM en dd bevatten');
    expect(validatePattern('{employee}_{employee}')).toContain('twee keer');
    expect(validatePattern('{employee:x}')).toContain('heeft geen formaat');
    expect(validatePattern('opname.wav')).toContain('geen enkel veld');
    expect(validatePattern('  ')).toBe('het patroon is leeg');
  });
});
