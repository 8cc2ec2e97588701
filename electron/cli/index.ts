#!/usr/bin/env node
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from '../../package.json';
import { processIo } from './io';
import { runCli } from './program';

const here = dirname(fileURLToPath(import.meta.url));
// From electron/cli (source) and from out/main (built) alike, the migrations are two levels up.
process.exitCode = await runCli(process.argv.slice(2), { io: processIo, migrationsDir: join(here, '..', '..', 'db', 'migrations'), appVersion: version });
