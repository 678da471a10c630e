import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KlankbordBridge } from '../../src-main/contract/bridge';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (..._args: unknown[]) => true as unknown),
  listeners: new Set<(...args: unknown[]) => void>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => electron.exposed.set(name, api) },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (_channel: string, listener: (...args: unknown[]) => void) => electron.listeners.add(listener),
    removeListener: (_channel: string, listener: (...args: unknown[]) => void) => electron.listeners.delete(listener),
  },
}));

describe('the preload', () => {
  let bridge: KlankbordBridge;
  beforeAll(async () => {
    await import('../../src-preload/index');
    bridge = electron.exposed.get('klankbord') as KlankbordBridge;
  });
  beforeEach(() => electron.invoke.mockClear());

  it('exposes one object with five functions and nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['klankbord']);
    expect(Object.keys(bridge).sort()).toEqual(['chooseDataFolder', 'invoke', 'savePagePdf', 'subscribe', 'upload']);
  });

  it('passes contract channels to main and refuses any other name before it reaches main', async () => {
    await bridge.invoke('staff.list', {});
    expect(electron.invoke).toHaveBeenCalledWith('klankbord:invoke', 'staff.list', {});
    electron.invoke.mockClear();
    for (const name of ['fs.readFile', 'staff.list ', '__proto__', 'klankbord:save-pdf', '']) {
      await expect(bridge.invoke(name, {})).rejects.toThrow(/Onbekend kanaal/);
    }
    expect(electron.invoke).not.toHaveBeenCalled();
  });

  it('hands a subscriber only the event it asked for, and stops on unsubscribe', () => {
    const seen: unknown[] = [];
    const stop = bridge.subscribe('data.changed', (payload) => seen.push(payload));
    for (const listener of electron.listeners) {
      listener({}, 'data.changed', { topics: ['staff'] });
      listener({}, 'scan.progress', { done: 1 });
    }
    stop();
    for (const listener of electron.listeners) listener({}, 'data.changed', { topics: ['late'] });
    expect(seen).toEqual([{ topics: ['staff'] }]);
  });

  it('sends uploads as bytes and the PDF name as a string', async () => {
    await bridge.upload('gesprek.wav', new Uint8Array([1, 2, 3]).buffer);
    expect(electron.invoke).toHaveBeenCalledWith('klankbord:upload', new Uint8Array([1, 2, 3]));
    await expect(bridge.savePagePdf?.('rapport')).resolves.toBe(true);
    expect(electron.invoke).toHaveBeenCalledWith('klankbord:save-pdf', 'rapport');
  });
});

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
