import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/core';
import { isChannel, STAGING_CHUNK_BYTES, stagingContract } from '../../shared/contract';
import { buildCsp } from '../../shared/csp';
import type { ErrorPayload } from '../../shared/errors';
import { decodeWire, encodeWire } from '../../shared/wire';
import { bridgeScript, TOKEN_HEADER } from './bridge-script';
import { readStaticFile, withBridgeScript } from '../core/fs/static-files';

export interface HarnessOptions {
  core: Core;
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
const MAX_BODY_BYTES = 32 * 1024 * 1024;
/** A staging call carries at most one chunk: its base64 and a little JSON around it, nothing larger. */
const STAGING_BODY_BYTES = Math.ceil(STAGING_CHUNK_BYTES / 3) * 4 + 1024;

/**
 * The harness bridge: serves the built renderer and dispatches `POST /api/<channel>` to the core's
 * one handler table. Development and test only – it is not part of the packaged app. It listens
 * on 127.0.0.1 only, checks the Host header (no DNS rebinding) and needs the run token in a
 * custom header (which other web pages cannot send without a CORS preflight we never answer).
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const bridge = bridgeScript();
  let origin = '';
  const server = createServer((request, response) => {
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
    const text = await readBody(request, Object.hasOwn(stagingContract, channel) ? STAGING_BODY_BYTES : MAX_BODY_BYTES);
    if (text === null) {
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

async function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
