import { Readable } from 'node:stream';
import { protocol } from 'electron';
import type { Core } from '../core/app';
import { mediaResponse } from '../core/media/range';
import { mediaFile } from '../core/recordings/recordings';
import { sourceMediaFile } from '../core/sources/media';
import { AppError } from '../core/errors';
import { formatError } from '../contract';
import { MEDIA_SCHEME } from './ipc-channels';
import { parseMediaUrl } from './policy';
import { mediaRefusal, type Dispatcher } from '../ipc/dispatch';

const jsonType = { 'Content-Type': 'application/json; charset=utf-8' };

/** Must run before `app.whenReady()`: streaming and fetch need a privileged scheme. */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } },
  ]);
}

/**
 * `klankbord-media://recording/<id>`: audio by recording id from the store only;
 * `klankbord-media://source/<id>`: an indexed source file by id (core/sources/media.ts). The URL
 * yields a number and nothing else (policy.ts parseMediaUrl); the path comes from the database.
 * Range requests are answered here because net.fetch of file:// ignores them (electron/electron#38749).
 */
export function handleMediaProtocol(host: { core(): Core | null; dispatch: Dispatcher['dispatch'] }): void {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    // The host swaps the core during a restore and has none while the database cannot open.
    const core = host.core();
    if (!core) return new Response(formatError('app_not_started', {}, 'nl'), { status: 503 });
    const media = parseMediaUrl(request.url);
    if (!media) return new Response('Onbekende media', { status: 404 });
    const refused = await mediaRefusal((c, i) => host.dispatch(c, i), media.kind, media.id);
    if (refused) return new Response(JSON.stringify({ error: refused.code, message: refused.message }), { status: 403, headers: jsonType });
    try {
      const file = media.kind === 'source' ? await sourceMediaFile(core, media.id) : await mediaFile(core, media.id);
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
  });
}
