import { describe, expect, it } from 'vitest';
import { parseCallFileName } from '../../src-main/core/recordings/file-name';

describe('parseCallFileName', () => {
  it('reads date, time, employee number and topic from a telephony name', () => {
    expect(parseCallFileName('20261103-093512_1043_burgerzaken.wav')).toEqual({
      callAt: '2026-11-03T09:35:12',
      employeeNumber: '1043',
      topic: 'burgerzaken',
    });
  });

  it('accepts - and _ as separators and matches the topic without regard to case', () => {
    expect(parseCallFileName('20261103_093512-1043-Burgerzaken.WAV')).toEqual({
      callAt: '2026-11-03T09:35:12',
      employeeNumber: '1043',
      topic: 'burgerzaken',
    });
    expect(parseCallFileName('20280229_235959_A17_WERK_EN_INKOMEN.mp3')).toEqual({
      callAt: '2028-02-29T23:59:59',
      employeeNumber: 'A17',
      topic: 'werk-en-inkomen',
    });
    expect(parseCallFileName('20261103-093512-1043-werk-en-inkomen.wav')?.topic).toBe('werk-en-inkomen');
  });

  it('still matches with an unknown or missing topic, leaving the topic empty', () => {
    expect(parseCallFileName('20261103-093512_1043_paspoorten.wav')).toEqual({
      callAt: '2026-11-03T09:35:12',
      employeeNumber: '1043',
      topic: null,
    });
    expect(parseCallFileName('20261103-093512_1043.wav')).toEqual({
      callAt: '2026-11-03T09:35:12',
      employeeNumber: '1043',
      topic: null,
    });
  });

  it('ignores folders in front of the name', () => {
    expect(parseCallFileName('C:\\opnames\\november\\20261103-093512_1043_afval.wav')?.topic).toBe('afval');
    expect(parseCallFileName('/home/coach/20261103-093512_1043_afval.wav')?.employeeNumber).toBe('1043');
  });

  it('rejects impossible dates and times', () => {
    for (const name of [
      '20261331-093512_1043_afval.wav', // month 13
      '20260230-093512_1043_afval.wav', // 30 February
      '20261131-093512_1043_afval.wav', // 31 November
      '20261103-243512_1043_afval.wav', // hour 24
      '20261103-096012_1043_afval.wav', // minute 60
      '20261103-093561_1043_afval.wav', // second 61
      '20261100-093512_1043_afval.wav', // day 0
      '20260229-093512_1043_afval.wav', // 2026 is no leap year
    ]) {
      expect(parseCallFileName(name), name).toBeNull();
    }
  });

  it('does not match names people typed, with spaces or diacritics, and does not crash on them', () => {
    for (const name of [
      'opname mevrouw de Vries.wav',
      'gesprek café 3 november.mp3',
      '20261103-093512_1043_burgerzaken kopie.wav',
      '20261103-093512_1043_zoë.wav',
      '2026-11-03 09.35.12 1043.wav',
      '',
      '   ',
      '.wav',
      '20261103-093512_.wav',
    ]) {
      expect(parseCallFileName(name), name).toBeNull();
    }
  });
});
