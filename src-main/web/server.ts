import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { formatError, type DataTopic } from '../contract';
import { mediaResponse } from '../core/media/range';
import { mediaFile } from '../core/recordings/recordings';
import { sourceMediaFile } from '../core/sources/media';
import { stageUpload } from '../core/recordings/uploads';
import { AppError } from '../core/errors';
import { failure, mediaRefusal } from '../ipc/dispatch';
import type { Host } from '../ipc/host';
import { contentSecurityPolicy } from '../shell/security';

const COOKIE = 'klankbord_token';
const MAX_JSON_BYTES = 10 * 1024 * 1024;
const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;

const staticTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export interface WebServerOptions {
  host: Host;
  rendererDir: string;
  port?: number;
  /** Fixed token for automation; a random one per run otherwise. */
  token?: string;
}

export interface WebServer {
  server: Server;
  url: string;
  /** Opening this URL once sets the session cookie; without it every request is refused. */
  loginUrl: string;
  close(): Promise<void>;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: IncomingMessage): string | null {
  const match = /(?:^|;\s*)klankbord_token=([A-Za-z0-9_-]+)/.exec(req.headers.cookie ?? '');
  return match?.[1] ?? null;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BYTES) throw new Error('te groot');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : JSON.parse(text);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(json);
}

/**
 * The loopback transport: the same dispatch as Electron's IPC, over HTTP on 127.0.0.1 only,
 * guarded by a per-run secret (cookie after the first visit) and a Host check against DNS rebinding.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { host, rendererDir } = options;
  const token = options.token ?? randomBytes(24).toString('base64url');
  const streams = new Set<ServerResponse>();
  host.onChange((topics: DataTopic[]) => {
    const frame = `event: data.changed\ndata: ${JSON.stringify({ topics })}\n\n`;
    for (const res of streams) res.write(frame);
  });
  host.onEvent((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of streams) res.write(frame);
  });

  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 403, { error: 'host' });
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && url.pathname === '/' && queryToken !== null) {
      if (!sameSecret(queryToken, token)) return send(res, 401, { error: 'Onjuist toegangstoken' });
      res.writeHead(302, { 'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`, Location: '/' });
      return void res.end();
    }
    const presented = cookieToken(req) ?? req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!sameSecret(presented, token)) {
      res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end('Geen toegang: open Klankbord via de link die `npm run web` toont.');
    }

    if (req.method === 'POST' && url.pathname.startsWith('/ipc/')) {
      let input: unknown;
      try {
        input = await readJson(req);
      } catch {
        return send(res, 200, failure('invalid_input', { detail: 'geen geldige JSON' }));
      }
      return send(res, 200, await host.dispatch(decodeURIComponent(url.pathname.slice(5)), input));
    }

    const core = host.core();
    if (!core && (url.pathname === '/upload' || url.pathname.startsWith('/media/'))) {
      return send(res, 503, { error: 'app_not_started', message: formatError('app_not_started', {}, 'nl') });
    }

    if (core && req.method === 'POST' && url.pathname === '/upload') {
      const length = Number(req.headers['content-length'] ?? 0);
      if (length > MAX_UPLOAD_BYTES) return send(res, 413, { error: 'Bestand is groter dan 2 GB' });
      const uploadId = await stageUpload(core.paths, req);
      return send(res, 200, { uploadId });
    }

    const sourceMedia = /^\/media\/source\/(\d+)$/.exec(url.pathname);
    if (core && req.method === 'GET' && sourceMedia) {
      const refused = await mediaRefusal((c, i) => host.dispatch(c, i), 'source', Number(sourceMedia[1]));
      if (refused) return send(res, 403, { error: refused.code, message: refused.message });
      try {
        const file = await sourceMediaFile(core, Number(sourceMedia[1]));
        const out = mediaResponse(file.path, file.size, file.mediaType, req.headers.range);
        res.writeHead(out.status, out.headers);
        if (out.body) out.body.pipe(res);
        else res.end();
      } catch (error) {
        // The Dutch message travels along, so the player can say why a file does not play.
        if (error instanceof AppError) send(res, 404, { error: error.code, message: formatError(error.code, error.params, 'nl') });
        else send(res, 500, { error: 'internal' });
      }
      return;
    }

    const media = /^\/media\/(\d+)$/.exec(url.pathname);
    if (core && req.method === 'GET' && media) {
      const refused = await mediaRefusal((c, i) => host.dispatch(c, i), 'recording', Number(media[1]));
      if (refused) return send(res, 403, { error: refused.code, message: refused.message });
      try {
        const file = await mediaFile(core, Number(media[1]));
        const out = mediaResponse(file.path, file.size, file.mediaType, req.headers.range);
        res.writeHead(out.status, out.headers);
        if (out.body) out.body.pipe(res);
        else res.end();
      } catch (error) {
        send(res, error instanceof AppError ? 404 : 500, { error: error instanceof AppError ? error.code : 'internal' });
      }
      return;
    }

    if (req.method === 'GET' && url.pathname === '/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': verbonden\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }

    if (req.method === 'GET') return serveStatic(url.pathname, res);
    send(res, 405, { error: 'method' });
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = join(rendererDir, relative === '' ? 'index.html' : relative);
    if (!file.startsWith(rendererDir + sep) && file !== rendererDir) return send(res, 403, { error: 'pad' });
    let stat = statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) {
      file = join(rendererDir, 'index.html');
      stat = statSync(file, { throwIfNoEntry: false });
      if (!stat) return send(res, 500, { error: 'De renderer is niet gebouwd: voer `npm run build` uit.' });
    }
    const type = staticTypes[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'Content-Type': type, 'Content-Length': String(stat.size) };
    if (type.startsWith('text/html')) headers['Content-Security-Policy'] = contentSecurityPolicy;
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('Verzoek mislukt', error);
      if (!res.headersSent) send(res, 500, { error: 'internal' });
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    server,
    url,
    loginUrl: `${url}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of streams) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
