import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CoreEndpoint } from '../core-host/client';
import { isChannel, STAGING_CHUNK_BYTES, stagingContract } from '../../shared/contract';
import { buildCsp } from '../../shared/csp';
import type { ErrorPayload } from '../../shared/errors';
import { decodeWire, encodeWire } from '../../shared/wire';
import { bridgeScript, TOKEN_HEADER } from './bridge-script';
import { readStaticFile, withBridgeScript } from '../core/fs/static-files';

export interface HarnessOptions {
  core: Pick<CoreEndpoint, 'invoke'>;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** Defaults to a fresh random token per run. */
  token?: string;
}

export interface Harness {
  /** The address to open, with the run token. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const BRIDGE_PATH = '/__harness/bridge.js';
/**
 * The largest body of any other call, with room to spare. At the contract's limits the largest
 * are a dossier's field values (a type has at most 60 fields; a text is at most 500 characters,
 * a multiple choice at most 50 of 100 – under 1 MB as UTF-8 JSON) and a type definition (60 fields
 * of up to 50 choices, 80 checklist items: a few hundred kB); an import mapping takes about
 * 0.7 kB per column of the sheet, a saved view under 2 kB. Files come through the staging calls.
 */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** A staging call carries at most one chunk: its base64 and a little JSON around it, nothing larger. */
const STAGING_BODY_BYTES = Math.ceil(STAGING_CHUNK_BYTES / 3) * 4 + 1024;

/**
 * The harness bridge: serves the built renderer and dispatches `POST /api/<channel>` to the core's
 * one handler table. Development and test only – it is not part of the packaged app. It listens
 * on 127.0.0.1 only, checks the Host header (no DNS rebinding), refuses requests another site's
 * page makes (a foreign Origin header) and needs the run token in a custom header (which other
 * web pages cannot send without a CORS preflight we never answer).
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const bridge = bridgeScript();
  let origin = '';
  // The browser closes an idle connection first: Node's own 5 s could close one just as the page
  // sends a call on it, and a POST that meets a closed connection fails and is not sent again.
  const server = createServer({ keepAliveTimeout: BROWSER_IDLE_CONNECTION_MS }, (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, failure('INTERNAL', '内部错误', 'Internal error'));
      console.error('[harness]', error);
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const allowedHosts = [origin.replace('http://', ''), origin.replace('http://127.0.0.1', 'localhost')];
    if (!allowedHosts.includes(request.headers.host ?? '')) {
      sendJson(response, 421, failure('FORBIDDEN', '主机名不被接受', 'Host not accepted'));
      return;
    }
    // Chromium sends Origin with the page's own POSTs and module scripts, and with everything another site's page asks for.
    const requestOrigin = request.headers.origin;
    if (requestOrigin !== undefined && !allowedHosts.some((host) => requestOrigin === `http://${host}`)) {
      sendJson(response, 403, failure('FORBIDDEN', '不接受来自其他网页的请求', 'Requests from other web pages are refused'));
      return;
    }
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) {
      await handleApi(request, response, url.pathname.slice('/api/'.length));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, failure('VALIDATION', '不支持的请求方法', 'Method not allowed'));
      return;
    }
    if (url.pathname === BRIDGE_PATH) {
      send(response, 200, 'text/javascript; charset=utf-8', bridge);
      return;
    }
    const file = readStaticFile(options.rendererDir, url.pathname);
    if (!file) {
      send(response, 404, 'text/plain; charset=utf-8', 'Not found');
      return;
    }
    const body = url.pathname === '/' || url.pathname === '/index.html' ? withBridgeScript(file.body.toString('utf8'), BRIDGE_PATH) : file.body;
    send(response, 200, file.contentType, body);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, rawChannel: string): Promise<void> {
    let channel: string;
    try {
      channel = decodeURIComponent(rawChannel);
    } catch {
      sendJson(response, 400, failure('VALIDATION', '请求地址无效', 'Malformed request address'));
      return;
    }
    if (request.method !== 'POST') {
      sendJson(response, 405, failure('VALIDATION', '请使用 POST', 'Use POST'));
      return;
    }
    if (!tokenMatches(request.headers[TOKEN_HEADER], token)) {
      sendJson(response, 401, failure('UNAUTHENTICATED', '预览服务令牌缺失或错误，请使用启动时显示的地址', 'Missing or wrong harness token; open the address printed at start'));
      return;
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(response, 415, failure('VALIDATION', '请求必须是 JSON', 'The request must be JSON'));
      return;
    }
    if (!isChannel(channel)) {
      sendJson(response, 404, failure('NOT_FOUND', `未知的操作：${channel}`, `Unknown channel: ${channel}`));
      return;
    }
    const limit = Object.hasOwn(stagingContract, channel) ? STAGING_BODY_BYTES : MAX_BODY_BYTES;
    const text = Number(request.headers['content-length'] ?? 0) > limit ? null : await readBody(request, limit);
    if (text === null) {
      closeLingering(request, response);
      sendJson(response, 413, failure('VALIDATION', '请求过大', 'The request is too large'));
      return;
    }
    let input: unknown;
    try {
      input = text.length === 0 ? {} : decodeWire(text);
    } catch {
      sendJson(response, 400, failure('VALIDATION', '请求不是有效的 JSON', 'The request is not valid JSON'));
      return;
    }
    sendJson(response, 200, await options.core.invoke(channel, input, 'ui'));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    token,
    url: `${origin}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const securityHeaders = {
  'content-security-policy': buildCsp({ delivery: 'header' }),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, { ...securityHeaders, 'content-type': contentType });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', encodeWire(value));
}

function failure(code: ErrorPayload['code'], message: string, messageEn: string): { ok: false; error: ErrorPayload } {
  return { ok: false, error: { code, message, messageEn } };
}

function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Longer than a browser keeps an idle connection open (Chromium: 5 minutes). */
const BROWSER_IDLE_CONNECTION_MS = 6 * 60_000;

/** How long a refused body may go on arriving, and the silence after which the connection closes. */
const LINGER_MAX_MS = 5000;
const LINGER_QUIET_MS = 300;

/**
 * Closes the connection of a refused request whose body may still be arriving, in stages (RFC 9112
 * §9.6): the reply says "Connection: close", and once it is out only the sending side is closed;
 * what the client still sends is read and thrown away until it pauses or the time is up, and only
 * then is the socket closed. Closed at once with unread data, the kernel answers with a reset, which
 * can reach the client before it has read the reply.
 */
function closeLingering(request: IncomingMessage, response: ServerResponse): void {
  const socket = request.socket;
  const close = () => socket.destroy();
  const quiet = setTimeout(close, LINGER_QUIET_MS);
  const limit = setTimeout(close, LINGER_MAX_MS);
  socket.once('close', () => {
    clearTimeout(quiet);
    clearTimeout(limit);
  });
  // After a "Connection: close" reply, Node ends the socket with destroySoon (end, then destroy at once).
  socket.destroySoon = () => socket.end();
  response.setHeader('connection', 'close');
  request.on('data', () => quiet.refresh()).resume();
}

/** The body as text, or null as soon as it grows past `limit` (reading stops there). */
function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      request.off('data', onData).off('end', onEnd).pause();
      resolve(null);
    };
    const onEnd = () => resolve(Buffer.concat(chunks).toString('utf8'));
    request.on('data', onData).on('end', onEnd).once('error', reject);
  });
}
