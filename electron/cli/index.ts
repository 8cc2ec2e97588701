#!/usr/bin/env node
import { version } from '../../package.json';
import { runtimePaths } from '../../runtime/paths';
import { processIo } from './io';
import { runCli } from './program';

process.exitCode = await runCli(process.argv.slice(2), { io: processIo, migrationsDir: runtimePaths().migrations, appVersion: version });
