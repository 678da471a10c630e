import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `npm test` builds before running vitest; the sandboxed preload can only require 'electron'.
const bundle = 'out/preload/index.cjs';

describe.runIf(existsSync(bundle))('the preload bundle', () => {
  it('is one CommonJS file that requires nothing but electron', () => {
    const requires = [...readFileSync(bundle, 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
  });

  it('exposes exactly one global, through contextBridge', () => {
    const source = readFileSync(bundle, 'utf8');
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).toContain('"klankbord"');
  });
});
