import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, metaContentSecurityPolicy } from '../../src-main/shell/security';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name ?? '', sources]),
  );
}

/** The content of `<meta http-equiv="Content-Security-Policy" content="…">` in an HTML file. */
function metaPolicy(html: string): string | undefined {
  return /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)?.[1];
}

const header = directives(contentSecurityPolicy);

describe('the Content-Security-Policy', () => {
  it('runs only the app’s own script files: no eval, no inline script, no other origin', () => {
    expect(header.get('script-src')).toEqual(["'self'"]);
    expect(header.get('default-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|unsafe-hashes|strict-dynamic|\*/);
  });

  it('allows inline code nowhere but in styles', () => {
    const inline = [...header].filter(([, sources]) => sources.includes("'unsafe-inline'")).map(([name]) => name);
    expect(inline).toEqual(['style-src']);
  });

  it('loads no plugins, frames, workers or forms, and cannot be framed or rebased', () => {
    for (const name of ['object-src', 'frame-src', 'worker-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(header.get(name), name).toEqual(["'none'"]);
    }
  });

  it('lets audio come only from the app itself and its media protocol', () => {
    expect(header.get('media-src')).toEqual(["'self'", 'klankbord-media:']);
  });

  it('is the same in the meta tag, minus what a meta tag cannot carry', () => {
    const meta = directives(metaContentSecurityPolicy);
    expect([...header.keys()].filter((name) => !meta.has(name))).toEqual(['frame-ancestors']);
    for (const [name, sources] of meta) expect(header.get(name), name).toEqual(sources);
  });
});

describe('src-renderer/index.html', () => {
  const html = readFileSync('src-renderer/index.html', 'utf8');

  it('carries exactly the policy of src-main/shell/security.ts', () => {
    expect(metaPolicy(html)).toBe(metaContentSecurityPolicy);
  });

  it('has no inline script and no inline event handler', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });
});

// `npm test` builds before vitest: the bundler must not have dropped or changed the policy.
describe.runIf(existsSync('out/renderer/index.html'))('the built out/renderer/index.html', () => {
  it('carries the same policy and loads its script as a file', () => {
    const html = readFileSync('out/renderer/index.html', 'utf8');
    expect(metaPolicy(html)).toBe(metaContentSecurityPolicy);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
  });
});
