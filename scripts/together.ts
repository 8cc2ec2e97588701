/**
 * `tsx scripts/together.ts typecheck lint build` – runs npm scripts at the same time (the checks
 * before the tests each keep one processor busy for minutes), each one's output held and printed
 * whole when it ends, so that the lines of one do not interleave with another's. Fails when any
 * fails, after all have ended, naming which.
 */
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('usage: tsx scripts/together.ts <npm script>…');
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = Date.now();
const results = await Promise.all(
  names.map(
    (name) =>
      new Promise<{ name: string; ok: boolean }>((resolve) => {
        const began = Date.now();
        const chunks: Buffer[] = [];
        const child = spawn(npm, ['run', name], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
        child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
        child.on('error', (error) => chunks.push(Buffer.from(`${String(error)}\n`)));
        child.on('close', (code, signal) => {
          const seconds = ((Date.now() - began) / 1000).toFixed(0);
          process.stdout.write(Buffer.concat(chunks));
          console.log(`── ${name}: ${code === 0 ? 'passed' : `FAILED (${signal ?? `exit ${code}`})`} in ${seconds} s\n`);
          resolve({ name, ok: code === 0 });
        });
      }),
  ),
);
const failed = results.filter((r) => !r.ok).map((r) => r.name);
console.log(`${names.join(', ')}: ${failed.length === 0 ? 'all passed' : `failed: ${failed.join(', ')}`} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
process.exit(failed.length === 0 ? 0 : 1);
