import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contract, STAGING_CHUNK_BYTES } from '../../shared/contract';
import { decodeWire, encodeWire } from '../../shared/wire';
import type { Core, CoreOptions } from '../core/core';
import { readStagedFile } from '../core/staging/staged-file-reader';
import { ADMIN, newArchive } from '../../tests/helpers/core';
import { sessionProbe } from '../../tests/helpers/session-probe';
import { useTempDirs } from '../../tests/helpers/temp-dir';
import { TOKEN_HEADER } from './bridge-script';
import { MAX_BODY_BYTES, startHarness, type Harness } from './server';

const tempDir = useTempDirs();
const running: Harness[] = [];
afterEach(async () => {
  for (const harness of running.splice(0)) await harness.close();
});

async function harnessOnNewArchive(coreOptions: Partial<CoreOptions> = {}): Promise<Harness & { core: Core }> {
  const renderer = tempDir();
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head><body></body></html>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'export {};');
  const core = await newArchive(tempDir(), coreOptions);
  const harness = await startHarness({ core, rendererDir: renderer });
  running.push(harness);
  return { ...harness, core };
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(harness: Harness, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, harness.origin);
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A request written byte for byte on a socket, so no client library normalises the path. */
function rawRequest(harness: Harness, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const url = new URL(harness.origin);
    const socket = connect(Number(url.port), url.hostname, () => socket.end(text));
    let reply = '';
    socket.on('data', (chunk: Buffer) => (reply += chunk.toString('latin1')));
    socket.on('end', () => resolve(reply));
    socket.on('error', reject);
  });
}

/**
 * A request that may never be finished: the head, then body chunks one after another until the
 * server replies (or `maxBody` bytes are sent). What the server answered within `waitMs`, and
 * whether it closed the connection.
 */
function unfinishedRequest(harness: Harness, head: string, options: { chunk?: Buffer; maxBody?: number; waitMs?: number } = {}): Promise<{ reply: string; closed: boolean }> {
  return new Promise((resolve) => {
    const url = new URL(harness.origin);
    let reply = '';
    let closed = false;
    let sent = 0;
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(head);
      const next = () => {
        if (!options.chunk || reply !== '' || closed || sent >= (options.maxBody ?? 0)) return;
        sent += options.chunk.length;
        socket.write(`${options.chunk.length.toString(16)}\r\n`);
        socket.write(options.chunk);
        socket.write('\r\n', next);
      };
      next();
    });
    const timer = setTimeout(() => finish(), options.waitMs ?? 3000);
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ reply, closed });
    };
    socket.on('data', (chunk: Buffer) => (reply += chunk.toString('latin1')));
    socket.on('close', () => {
      closed = true;
      finish();
    });
    // Writing on after the server closed: expected here, the reply is what counts.
    socket.on('error', () => undefined);
  });
}

function api(harness: Harness, channel: string, input: unknown, token = harness.token, extra: Record<string, string> = {}): Promise<Reply> {
  return send(harness, `/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token, ...extra }, body: JSON.stringify(input) });
}

/** A call as the page's bridge makes it: the wire encoding, bytes in base64. */
async function wireApi(harness: Harness, channel: string, input: unknown): Promise<{ status: number; envelope: { ok: boolean; data?: unknown; error?: { code: string } } }> {
  const reply = await send(harness, `/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: harness.token }, body: encodeWire(input) });
  return { status: reply.status, envelope: reply.status === 200 ? (decodeWire(reply.body) as { ok: boolean }) : (JSON.parse(reply.body) as { ok: boolean }) };
}

describe('the harness bridge', () => {
  it('listens on 127.0.0.1 only and prints an address with the run token', async () => {
    const harness = await harnessOnNewArchive();
    expect(harness.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(harness.url).toBe(`${harness.origin}/?token=${harness.token}`);
    expect(harness.token.length).toBeGreaterThanOrEqual(32);
  });

  it('dispatches to the core with the token, and refuses without it', async () => {
    const harness = await harnessOnNewArchive();
    const good = await api(harness, 'session:status', {});
    expect(good.status).toBe(200);
    expect(JSON.parse(good.body)).toMatchObject({ ok: true, data: { session: { user: { login: ADMIN.login } } } });

    for (const token of ['', 'wrong-token', `${harness.token}x`]) {
      const refused = await api(harness, 'session:status', {}, token);
      expect(refused.status).toBe(401);
      expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('has a route for every contract channel, answered by the core', async () => {
    const harness = await harnessOnNewArchive();
    for (const channel of Object.keys(contract)) {
      const reply = await api(harness, channel, {});
      expect(reply.status, channel).toBe(200);
      const envelope = JSON.parse(reply.body) as { ok: boolean; error?: { code: string } };
      // The core answered: success, or the core's own verdict on this input – never "no such route".
      expect(envelope.ok || envelope.error?.code !== 'NOT_FOUND', channel).toBe(true);
    }
    const status = JSON.parse((await api(harness, 'archive:status', {})).body) as { data: { state: string } };
    expect(status.data.state).toBe('ready');
  });

  it('refuses other Host headers (DNS rebinding), non-JSON bodies and unknown channels', async () => {
    const harness = await harnessOnNewArchive();
    expect((await api(harness, 'session:status', {}, harness.token, { host: 'evil.example:80' })).status).toBe(421);
    const form = await send(harness, '/api/session:status', { method: 'POST', headers: { 'content-type': 'text/plain', [TOKEN_HEADER]: harness.token }, body: '{}' });
    expect(form.status).toBe(415);
    const unknown = await api(harness, 'dossier:delete-all', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const broken = await send(harness, '/api/session:status', { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: harness.token }, body: '{not json' });
    expect(broken.status).toBe(400);
    const malformed = await rawRequest(harness, `POST /api/%E0%A4%A HTTP/1.1\r\nHost: ${new URL(harness.origin).host}\r\n${TOKEN_HEADER}: ${harness.token}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
    expect(malformed).toMatch(/^HTTP\/1\.1 400/);
  });

  it('never serves a file outside the renderer folder, however the path is spelled', async () => {
    const harness = await harnessOnNewArchive();
    const host = new URL(harness.origin).host;
    // Sent byte for byte: a URL parser on the client side would have normalised these away.
    for (const path of ['/../../../../etc/passwd', '/..%2f..%2f..%2f..%2fetc%2fpasswd', '/assets/..%2f..%2f..%2f..%2fetc%2fpasswd', '/..%5c..%5c..%5cetc%5cpasswd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd']) {
      const reply = await rawRequest(harness, `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      expect(reply, path).toMatch(/^HTTP\/1\.1 404/);
      expect(reply, path).not.toContain('root:');
    }
  });

  it('serves the renderer with the bridge script first, the CSP header, and nothing outside its folder', async () => {
    const harness = await harnessOnNewArchive();
    const index = await send(harness, '/');
    expect(index.status).toBe(200);
    expect(index.body.indexOf('/__harness/bridge.js')).toBeLessThan(index.body.indexOf('./assets/app.js'));
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await send(harness, '/assets/app.js')).status).toBe(200);
  });

  it('takes a file of a few MB in 1 MiB chunks, which the store of the core reads back unchanged', async () => {
    const probe = sessionProbe();
    const harness = await harnessOnNewArchive({ handlers: probe.handlers });
    const bytes = randomBytes(3 * STAGING_CHUNK_BYTES + 123_456);
    const begun = await wireApi(harness, 'staging:begin', { purpose: 'import', name: '客户清单.csv', size: bytes.length });
    const { stagedFileId } = begun.envelope.data as { stagedFileId: string };
    for (let offset = 0; offset < bytes.length; offset += STAGING_CHUNK_BYTES) {
      const appended = await wireApi(harness, 'staging:append', { stagedFileId, offset, bytes: bytes.subarray(offset, offset + STAGING_CHUNK_BYTES) });
      expect(appended).toEqual({ status: 200, envelope: { ok: true, data: { received: Math.min(offset + STAGING_CHUNK_BYTES, bytes.length) } } });
    }
    const finished = await wireApi(harness, 'staging:finish', { stagedFileId });
    expect(finished.envelope).toEqual({ ok: true, data: { stagedFileId, name: '客户清单.csv', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') } });

    const file = (await probe.session(harness.core)).stagedFiles.get(stagedFileId, 'import');
    const parts: Buffer[] = [];
    for await (const part of readStagedFile(file.source)) parts.push(part);
    expect(Buffer.concat(parts).equals(bytes)).toBe(true);
  });

  it('accepts no body larger than one chunk on the staging channels', async () => {
    const harness = await harnessOnNewArchive();
    const begun = await wireApi(harness, 'staging:begin', { purpose: 'import', name: 'big.csv', size: 4 * STAGING_CHUNK_BYTES });
    const { stagedFileId } = begun.envelope.data as { stagedFileId: string };
    const whole = await wireApi(harness, 'staging:append', { stagedFileId, offset: 0, bytes: new Uint8Array(STAGING_CHUNK_BYTES) });
    expect(whole.envelope).toMatchObject({ ok: true, data: { received: STAGING_CHUNK_BYTES } });
    // Just over a chunk fits the body limit, and the core refuses it; more does not even reach the core.
    const overByOne = await wireApi(harness, 'staging:append', { stagedFileId, offset: STAGING_CHUNK_BYTES, bytes: new Uint8Array(STAGING_CHUNK_BYTES + 1) });
    expect(overByOne).toMatchObject({ status: 200, envelope: { ok: false, error: { code: 'VALIDATION' } } });
    const overByMore = await wireApi(harness, 'staging:append', { stagedFileId, offset: STAGING_CHUNK_BYTES, bytes: new Uint8Array(STAGING_CHUNK_BYTES + 4096) });
    expect(overByMore).toMatchObject({ status: 413, envelope: { ok: false, error: { code: 'VALIDATION' } } });
    const next = await wireApi(harness, 'staging:append', { stagedFileId, offset: STAGING_CHUNK_BYTES, bytes: new Uint8Array(10) });
    expect(next.envelope).toMatchObject({ ok: true, data: { received: STAGING_CHUNK_BYTES + 10 } });
  });
  it('refuses requests from another web page (a foreign Origin) for every method; the page\'s own pass', async () => {
    const harness = await harnessOnNewArchive();
    const port = new URL(harness.origin).port;
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${Number(port) + 1}`, `https://127.0.0.1:${port}`, `http://localhost.evil.example:${port}`]) {
      const refused = [
        await api(harness, 'session:status', {}, harness.token, { origin }),
        await send(harness, '/api/session:status', { headers: { origin } }),
        await send(harness, '/', { headers: { origin } }),
        await send(harness, '/assets/app.js', { headers: { origin } }),
        await send(harness, '/assets/app.js', { method: 'PUT', headers: { origin } }),
      ];
      for (const reply of refused) {
        expect(reply.status, origin).toBe(403);
        expect(JSON.parse(reply.body), origin).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) as unknown, messageEn: 'Requests from other web pages are refused' } });
      }
    }
    // Chromium sends the page's own origin with its POSTs and module scripts, under either name of the host.
    expect((await api(harness, 'session:status', {}, harness.token, { origin: harness.origin })).status).toBe(200);
    expect((await api(harness, 'session:status', {}, harness.token, { origin: `http://localhost:${port}`, host: `localhost:${port}` })).status).toBe(200);
    expect((await send(harness, '/assets/app.js', { headers: { origin: harness.origin } })).status).toBe(200);
  });

  it('refuses a body larger than the limit by its Content-Length, before reading any of it', async () => {
    const harness = await harnessOnNewArchive();
    const host = new URL(harness.origin).host;
    // A million keys: far past the limit; not one byte of the body is sent, and none is awaited.
    const million = 1_000_000 * '"k1000000":0,'.length;
    const { reply, closed } = await unfinishedRequest(harness, `POST /api/session:status HTTP/1.1\r\nHost: ${host}\r\n${TOKEN_HEADER}: ${harness.token}\r\nContent-Type: application/json\r\nContent-Length: ${million}\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
    expect(reply).toMatch(/\r\nconnection: close\r\n/i);
    expect(reply.length).toBeLessThan(2000);
    expect(closed).toBe(true);
  });

  it('stops reading a body without a length as soon as it passes the limit, and closes the connection', async () => {
    const harness = await harnessOnNewArchive();
    const host = new URL(harness.origin).host;
    const head = `POST /api/session:status HTTP/1.1\r\nHost: ${host}\r\n${TOKEN_HEADER}: ${harness.token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`;
    // The body is never finished: only the limit can end this request.
    const { reply, closed } = await unfinishedRequest(harness, head, { chunk: Buffer.alloc(64 * 1024, 0x20), maxBody: 4 * MAX_BODY_BYTES });
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
    expect(closed).toBe(true);
  });

  it('answers a huge invalid input with a small error, never an echo of it', async () => {
    const harness = await harnessOnNewArchive();
    // A hundred thousand unknown keys: zod's own message names every one.
    const keys = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, 0]));
    expect(JSON.stringify(keys).length).toBeLessThan(MAX_BODY_BYTES);
    // Forty thousand bad values: an issue each.
    const values = { title: '档案', typeKey: 'vehicle-new', fields: Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`f${i}`, { bad: true }])) };
    expect(JSON.stringify(values).length).toBeLessThan(MAX_BODY_BYTES);
    const replies = [await api(harness, 'session:status', keys), await api(harness, 'dossier:create', values)];
    for (const reply of replies) {
      expect(reply.status).toBe(200);
      expect(reply.body.length).toBeLessThan(20_000);
    }
    const [unknownKeys, badValues] = replies.map((reply) => (JSON.parse(reply.body) as { error: { code: string; messageEn: string; issues: { path: string }[] } }).error);
    expect(unknownKeys).toMatchObject({ code: 'VALIDATION', messageEn: expect.stringMatching(/^Invalid input: Unrecognized keys: "k0", "k1", .*…$/) as unknown });
    // The first issues still say what to fix; the rest are counted.
    expect(badValues?.issues[0]?.path).toBe('fields.f0');
    expect(badValues?.messageEn).toMatch(/; and \d+ more$/);
  });
});
