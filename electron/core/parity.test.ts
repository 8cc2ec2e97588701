import { existsSync, readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { channelNames, FILE_DIALOG_IPC } from '../../shared/contract/channel-names';
import { repoRoot } from '../../tests/helpers/paths';
import { bridgeScript } from '../harness/bridge-script';
import { handlers } from './handlers';

const sorted = (names: Iterable<string>) => [...names].sort();
const contractChannels = sorted(Object.keys(contract));

/** Runs a script the way a page would, with `window.api` captured. */
function apiFromScript(source: string, globals: Record<string, unknown>): Record<string, unknown> {
  const sandbox: Record<string, unknown> = { ...globals };
  sandbox.window = sandbox;
  createContext(sandbox);
  runInContext(source, sandbox);
  return sandbox.api as Record<string, unknown>;
}

describe('one contract, one handler table, three front doors', () => {
  it('every channel has exactly one handler', () => {
    expect(sorted(Object.keys(handlers))).toEqual(contractChannels);
  });

  it('the list of names the preload is built from names every channel of the contract once', () => {
    expect(sorted(channelNames)).toEqual(contractChannels);
  });

  it('every channel is named domain:verb-noun', () => {
    for (const name of contractChannels) expect(name).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/);
  });

  it('the harness bridge gives the page one function per channel, calling /api/<channel>', async () => {
    const calls: string[] = [];
    const fakeFetch = (url: string) => {
      calls.push(url);
      return Promise.resolve({ text: () => Promise.resolve('{"ok":true,"data":null}') });
    };
    const storage = new Map<string, string>();
    const api = apiFromScript(bridgeScript(), {
      location: { search: '?token=abc', pathname: '/', hash: '' },
      history: { state: null, replaceState: () => undefined },
      sessionStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) },
      URLSearchParams,
      fetch: fakeFetch,
      encodeURIComponent,
      btoa,
      atob,
      Object,
      JSON,
      String,
      Uint8Array,
      Array,
    });
    expect(sorted(Object.keys(api))).toEqual(contractChannels);
    for (const channel of contractChannels) await (api[channel] as (input: unknown) => Promise<unknown>)({});
    expect(calls.sort()).toEqual(contractChannels.map((c) => `/api/${encodeURIComponent(c)}`).sort());
    expect(storage.get('dossierdesk.harness-token')).toBe('abc');
  });

  it('the built Electron preload exposes one binding per channel, each invoking that channel', async () => {
    const preload = `${repoRoot}out/preload/index.cjs`;
    expect(existsSync(preload), 'build first: npm run build').toBe(true);
    const exposed: Record<string, unknown> = {};
    const invoked: [string, unknown][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
      ipcRenderer: { invoke: (channel: string, input: unknown) => Promise.resolve(invoked.push([channel, input])) },
    };
    const requireStub = (id: string) => {
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${id}`);
    };
    const module = { exports: {} };
    const load = runInContext(`(function (require, module, exports) {${readFileSync(preload, 'utf8')}\n})`, createContext({ ...globalThis, console })) as (
      require: (id: string) => unknown,
      module: { exports: unknown },
      exports: unknown,
    ) => void;
    load(requireStub, module, module.exports);
    expect(Object.keys(exposed)).toEqual(['api', 'fileDialog']);
    const api = exposed.api as Record<string, (input: unknown) => Promise<unknown>>;
    expect(sorted(Object.keys(api))).toEqual(contractChannels);
    for (const channel of contractChannels) await api[channel]?.({});
    expect(sorted(invoked.map(([channel]) => channel))).toEqual(contractChannels);

    // Besides the contract: the desktop's file dialog, one function that names a purpose – no path.
    const fileDialog = exposed.fileDialog as Record<string, (purpose: unknown) => Promise<unknown>>;
    expect(Object.keys(fileDialog)).toEqual(['pick']);
    invoked.length = 0;
    await fileDialog.pick?.('import');
    expect(invoked).toEqual([[FILE_DIALOG_IPC, 'import']]);
    expect(channelNames).not.toContain(FILE_DIALOG_IPC);
  });
});
