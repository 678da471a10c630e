import { Readable } from 'node:stream';
import { protocol } from 'electron';
import type { Core } from '../core/app';
import { mediaResponse } from '../core/media/range';
import { mediaFile } from '../core/recordings/recordings';
import { sourceMediaFile } from '../core/sources/media';
import { AppError } from '../core/errors';
import { formatError } from '../contract';
import { MEDIA_SCHEME } from './ipc-channels';

/** Must run before `app.whenReady()`: streaming and fetch need a privileged scheme. */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } },
  ]);
}

/**
 * `klankbord-media://recording/<id>`: audio by recording id from the store only; `klankbord-media://source/<id>`:
 * an indexed source file by id (core/sources/media.ts). Range requests
 * are answered here because net.fetch of file:// ignores them (electron/electron#38749).
 */
export function handleMediaProtocol(core: Core): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const source = /^klankbord-media:\/\/source\/(\d+)\/?$/.exec(request.url);
    if (source) {
      try {
        const file = await sourceMediaFile(core, Number(source[1]));
        const out = mediaResponse(file.path, file.size, file.mediaType, request.headers.get('range') ?? undefined);
        const body = out.body ? (Readable.toWeb(out.body) as ReadableStream<Uint8Array>) : null;
        return new Response(body, { status: out.status, headers: out.headers });
      } catch (error) {
        const message = error instanceof AppError ? formatError(error.code, error.params, 'nl') : 'Audio niet beschikbaar';
        return new Response(JSON.stringify({ error: error instanceof AppError ? error.code : 'internal', message }), {
          status: 404,
          headers: { 'Content-Type': 'application/json; charset=utf-8' },
        });
      }
    }
    const match = /^klankbord-media:\/\/recording\/(\d+)\/?$/.exec(request.url);
    if (!match) return new Response('Onbekende media', { status: 404 });
    try {
      const file = await mediaFile(core, Number(match[1]));
      const out = mediaResponse(file.path, file.size, file.mediaType, request.headers.get('range') ?? undefined);
      const body = out.body ? (Readable.toWeb(out.body) as ReadableStream<Uint8Array>) : null;
      return new Response(body, { status: out.status, headers: out.headers });
    } catch {
      return new Response('Audio niet beschikbaar', { status: 404 });
    }
  });
}
