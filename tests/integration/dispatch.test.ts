import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../src-main/ipc/dispatch';
import { createTempCore, type TempCore } from '../support/core';
import { insertStaff } from '../support/seed';

let t: TempCore;
let d: Dispatcher;
const logged: unknown[] = [];

beforeEach(async () => {
  t = await createTempCore();
  d = createDispatcher(t.core, (_m, e) => logged.push(e));
});
afterEach(() => t.cleanup());

describe('dispatch', () => {
  it('answers an unknown channel with a typed Dutch error', async () => {
    const result = await d.dispatch('staff.dropTable', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    if (!result.ok) expect(result.error.message).toContain('Onbekende opdracht');
  });

  it('validates input with the contract and names the field in Dutch', async () => {
    const result = await d.dispatch('staff.create', {
      name: '',
      employeeNumber: '1043',
      team: '',
      role: 'advisor',
      startDate: null,
      status: 'active',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toMatch(/^De invoer klopt niet: name: /);
    }
    expect(await t.core.db.selectFrom('staff').select('id').execute()).toHaveLength(0);
  });

  it('refuses wrong types, missing and oversized input without touching the database', async () => {
    for (const input of [null, 'x', 42, { id: 'één' }, { id: -1 }, { id: 1.5 }, { id: 1, extra: 'x'.repeat(10) }]) {
      const result = await d.dispatch('recordings.get', input);
      expect(result.ok).toBe(false);
    }
    const huge = await d.dispatch('markers.add', { recordingId: 1, atSeconds: 1, text: 'x'.repeat(5000) });
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('asks for a profile before writing in someone’s name', async () => {
    const result = await d.dispatch('evaluations.start', { recordingId: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'no_profile' } });
  });

  it('remembers the chosen profile and language, and only lets coaches, managers and trainers be one', async () => {
    const coach = await insertStaff(t.core, 'coach', 'Karim Bouzid');
    const advisor = await insertStaff(t.core, 'advisor', 'Sanne de Vries');
    expect(await d.dispatch('session.selectProfile', { staffId: advisor })).toMatchObject({ ok: false, error: { code: 'profile_role' } });
    await d.dispatch('session.selectProfile', { staffId: coach });
    await d.dispatch('session.setLanguage', { language: 'en' });
    const again = createDispatcher(t.core);
    expect(await again.dispatch('session.get', {})).toMatchObject({
      ok: true,
      data: { profile: { id: coach, name: 'Karim Bouzid' }, language: 'en' },
    });
  });

  it('announces the topics a successful write touched, and nothing for reads or failures', async () => {
    const seen: string[][] = [];
    d.onChange((topics) => seen.push(topics));
    await d.dispatch('staff.list', {});
    await d.dispatch('staff.create', { name: 'x', employeeNumber: '', team: '', role: 'advisor', startDate: null, status: 'active' });
    await d.dispatch('staff.create', {
      name: 'Noor Yilmaz',
      employeeNumber: '2051',
      team: 'KCC',
      role: 'advisor',
      startDate: '2025-03-01',
      status: 'active',
    });
    expect(seen).toEqual([['staff']]);
  });

  it('returns not_found for ids that do not exist, and keeps running', async () => {
    expect(await d.dispatch('evaluations.get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await d.dispatch('staff.list', {})).toMatchObject({ ok: true, data: [] });
    expect(logged).toEqual([]);
  });
});
