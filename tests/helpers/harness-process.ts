import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths';

const harnessEntry = join(repoRoot, 'out/main/harness.js');

export interface HarnessProcess {
  child: ChildProcess;
  /** The address the harness printed, with its run token. */
  url: string;
}

/** Starts the built browser-preview harness on a data folder, as `npm run web` does, on a free port. */
export async function startHarnessProcess(dataDir: string): Promise<HarnessProcess> {
  const child = spawn(process.execPath, [harnessEntry, '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`harness did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-64_000);
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      reject(new Error(`harness exited with ${code}:\n${output}`));
      // A harness that fails (not stopped by the test: that ends with 0) leaves its last words in the test's output.
      if (code !== 0 && signal !== 'SIGTERM') process.stderr.write(`[harness on ${dataDir} exited (${code ?? signal}); its output:]\n${output.slice(-8000)}\n`);
    });
  });
  return { child, url };
}

export async function stopHarnessProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
