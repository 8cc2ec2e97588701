import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { runtimePaths } from '../../runtime/paths';
import { CoreClient } from '../core-host/client';
import { forkCoreHost } from '../core-host/node-child';
import { resolveDataDir } from '../core/data-dir';
import { startHarness } from './server';

// `npm run web`: the real UI in a browser, against the real core, where Electron cannot start.
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '5197' },
  },
});

const paths = runtimePaths();
const dataDir = resolveDataDir(values['data-dir']);
// The core runs in a process of its own, as in the app (there an Electron utility process).
const core = new CoreClient(() => forkCoreHost(paths.entries.coreHost), { dataDir, migrationsDir: paths.migrations, appVersion: version }, (line) => console.error(line));
core.start();
const harness = await startHarness({ core, rendererDir: paths.renderer, port: Number(values.port) });

console.log(`DossierDesk 客户档案管理系统 – 浏览器预览 / browser preview
  数据文件夹 / data folder: ${dataDir}
  在浏览器中打开 / open in a browser:
  ${harness.url}
  按 Ctrl+C 停止 / press Ctrl+C to stop`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await harness.close();
  await core.shutdown();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
