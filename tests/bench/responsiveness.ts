import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeSheet } from '../../electron/cli/bench/catalogue-bench';
import { SampleData } from '../../electron/cli/bench/sample-data';
import { summarise, type Figure } from '../../electron/cli/bench/stats';
import { TOKEN_HEADER } from '../../electron/harness/bridge-script';
import { stageLocalFile } from '../../electron/core/staging/stage-local-file';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { decodeWire, encodeWire } from '../../shared/wire';
import { startHarnessProcess, stopHarnessProcess } from '../helpers/harness-process';

export interface ResponsivenessOptions {
  rows: number;
  progress: (text: string) => void;
}

const ADMIN = { login: 'bench-admin', displayName: '基准测试管理员', password: 'bench-password-1' };
/** Between two light calls, as a window's timers and clicks would space them. */
const GAP_MS = 25;

/**
 * How the window answers while its own core imports: the browser preview (its core in a process of
 * its own, as in the app) imports a sheet of `rows` customers, and meanwhile light calls – the idle
 * lock's `session:touch` and the first page of the dossier list – are made one after another over
 * the same bridge the page uses. Their latency, p50/p95, idle and during the import.
 */
export async function runResponsivenessBench(options: ResponsivenessOptions): Promise<{ figures: Figure[]; notes: string[] }> {
  const root = mkdtempSync(join(tmpdir(), 'dossierdesk-responsiveness-'));
  const { child, url } = await startHarnessProcess(join(root, 'archive'));
  try {
    const api = bridge(url);
    await api('archive:create', { admin: ADMIN });
    options.progress(`responsiveness: writing a sheet of ${options.rows} customers …`);
    const sheet = join(root, '新车客户.csv');
    await writeSheet(sheet, options.rows, new SampleData());
    const staged = await stageLocalFile(sheet, 'import', (channel, input) => api(channel, input));
    const opened = await api('import:open', { stagedFileId: staged.stagedFileId });

    const idle = await lightCalls(api, () => false, 40);
    options.progress('responsiveness: importing while the light calls go on …');
    let running = true;
    const started = performance.now();
    const imported = api('import:run', { importId: opened.importId, typeKey: 'vehicle-new' }).finally(() => {
      running = false;
    });
    const busy = await lightCalls(api, () => running);
    const result = await imported;
    const importMs = performance.now() - started;
    const context = (calls: number[]) => `browser preview, ${calls.length} calls`;
    return {
      figures: [
        summarise('session:touch, idle', context(idle.touch), idle.touch),
        summarise('dossier list page 1, idle', context(idle.list), idle.list),
        summarise(`session:touch during a ${result.imported}-row import`, context(busy.touch), busy.touch),
        summarise(`dossier list page 1 during a ${result.imported}-row import`, context(busy.list), busy.list),
      ],
      notes: [`responsiveness: the import of ${result.imported} rows took ${(importMs / 1000).toFixed(1)} s in the core's own process while the light calls went on`],
    };
  } finally {
    await stopHarnessProcess(child);
    rmSync(root, { recursive: true, force: true });
  }
}

type Api = <C extends Channel>(channel: C, input: InputOf<C>) => Promise<OutputOf<C>>;

/** Calls as the page makes them: POST /api/<channel> with the run token, the wire's JSON both ways. */
function bridge(url: string): Api {
  const address = new URL(url);
  const token = address.searchParams.get('token') ?? '';
  return async (channel, input) => {
    const response = await fetch(`${address.origin}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token }, body: encodeWire(input) });
    const envelope = decodeWire(await response.text()) as Envelope<OutputOf<typeof channel>>;
    if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.messageEn}`);
    return envelope.data;
  };
}

/** Light calls one after another, while `going()` (or `count` of each when it never is). */
async function lightCalls(api: Api, going: () => boolean, count = Number.POSITIVE_INFINITY): Promise<{ touch: number[]; list: number[] }> {
  const touch: number[] = [];
  const list: number[] = [];
  const timed = async (into: number[], call: () => Promise<unknown>) => {
    const start = performance.now();
    await call();
    into.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, GAP_MS));
  };
  for (let i = 0; i < count && (count !== Number.POSITIVE_INFINITY || going()); i += 1) {
    await timed(touch, () => api('session:touch', {}));
    await timed(list, () => api('dossier:list', {}));
  }
  return { touch, list };
}
