import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { ADMIN, newArchive } from '../../tests/helpers/core';
import { useTempDirs } from '../../tests/helpers/temp-dir';
import { TOKEN_HEADER } from './bridge-script';
import { startHarness, type Harness } from './server';

const tempDir = useTempDirs();
const running: Harness[] = [];
afterEach(async () => {
  for (const harness of running.splice(0)) await harness.close();
});

async function harnessOnNewArchive(): Promise<Harness> {
  const renderer = tempDir();
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head><body></body></html>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'export {};');
  const core = await newArchive(tempDir());
  const harness = await startHarness({ core, rendererDir: renderer });
  running.push(harness);
  return harness;
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

function api(harness: Harness, channel: string, input: unknown, token = harness.token, extra: Record<string, string> = {}): Promise<Reply> {
  return send(harness, `/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token, ...extra }, body: JSON.stringify(input) });
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
});
