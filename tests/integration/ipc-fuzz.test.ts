import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channels, errorCodes } from '../../src-main/contract';
import { createTempHost, type TempHost } from '../support/core';
import { insertRecording, insertStaff } from '../support/seed';
import { dumpDatabase } from '../support/dump';

/**
 * Every channel of the contract gets malformed input: wrong types, missing fields, oversized
 * text, deep nesting, hostile strings. Each must answer with a typed error, the dispatcher must
 * keep answering, and the database must be exactly as before.
 */
const big = 'x'.repeat(3_000_000);
let deep: unknown = { id: 1 };
for (let i = 0; i < 200; i++) deep = { nested: deep };

const malformed: unknown[] = [
  undefined,
  null,
  0,
  -1,
  1.5,
  'x',
  '',
  true,
  [],
  [1, 2],
  { id: 'één' },
  { id: -1 },
  { id: 0 },
  { id: 1.5 },
  { id: Number.MAX_SAFE_INTEGER + 2 },
  { id: null },
  { advisorId: '1' },
  { period: '2026-13' },
  { period: "2026-11'; DROP TABLE staff; --" },
  { recordingId: 1, atSeconds: -5, text: 'x' },
  { text: big },
  { name: big },
  { fileName: '../../etc/passwd', uploadId: 'not-a-uuid' },
  { __proto__: { id: 1 } },
  deep,
];

let t: TempHost;
let d: TempHost['host'];
const logged: unknown[] = [];

/** Every row of every table: "unchanged" means exactly this. */
const snapshot = () => dumpDatabase(t.core);

beforeAll(async () => {
  t = await createTempHost((_m, e) => logged.push(e));
  // The host, as both transports use it: the contract's channels plus its own (status, backups).
  d = t.host;
  const coach = await insertStaff(t.core, 'coach', 'Karim Bouzid');
  const advisor = await insertStaff(t.core, 'advisor', 'Sanne de Vries');
  await insertRecording(t.core, advisor);
  await d.dispatch('session.selectProfile', { staffId: coach });
});
afterAll(() => t.cleanup());

describe('every channel refuses malformed input', () => {
  it.each(channelNames.map((name) => [name]))('%s', async (name) => {
    const before = await snapshot();
    const schema = channels[name].input;
    for (const input of malformed) {
      // Only what the contract refuses. Dispatch reads missing input (undefined, null) as `{}`,
      // which is valid for channels without required fields.
      if (schema.safeParse(input ?? {}).success) continue;
      const result = await d.dispatch(name, input);
      expect(result.ok, `${name} accepted ${JSON.stringify(input)?.slice(0, 80)}`).toBe(false);
      if (!result.ok) {
        expect(errorCodes).toContain(result.error.code);
        expect(result.error.code).toBe('invalid_input');
        expect(result.error.message.length).toBeGreaterThan(10);
        expect(result.error.message.length).toBeLessThan(2_000);
      }
    }
    expect(await snapshot()).toBe(before);
    // Still answering afterwards.
    expect(await d.dispatch('session.get', {})).toMatchObject({ ok: true });
  });

  it('logged no unexpected (internal) errors', () => {
    expect(logged).toEqual([]);
  });
});
