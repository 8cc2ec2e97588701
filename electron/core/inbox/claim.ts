import { randomBytes } from 'node:crypto';
import { readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { freeName } from './leave-folder';
import { isRunning } from '../fs/process-running';

/**
 * A file being filed carries a working name while it is: hidden (the watch ignores it), with the
 * process that took it – `.dossierdesk-filing.<pid>.<random>.<name>`. Renaming is atomic, so of two
 * programs filing the same folder (the app and the command line, two windows) exactly one gets
 * each file; the other finds it gone and leaves it to the first.
 */
const PREFIX = '.dossierdesk-filing.';
const WORKING_NAME = /^\.dossierdesk-filing\.(\d+)\.[0-9a-f]+\.(.+)$/;

/** Takes a file of the folder for filing: its working path, or null when another program took it first. */
export function claimFile(folder: string, name: string): string | null {
  const working = join(folder, `${PREFIX}${process.pid}.${randomBytes(6).toString('hex')}.${name}`);
  try {
    renameSync(join(folder, name), working);
    return working;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Gives a claimed file its name back (a filing refused); a file written under that name meanwhile keeps it, this one is numbered. */
export function releaseClaim(folder: string, working: string, name: string): void {
  try {
    renameSync(working, join(folder, freeName(folder, name)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Files left with a working name by a program that ended while filing them (a crash, a power cut)
 * get their names back, so they are listed again – never lost. If the filing had committed, the
 * inbox recognises them by their content as filed before. Returns the names given back.
 */
export function recoverClaims(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return []; // the folder is not there: the inbox says so
  }
  const recovered: string[] = [];
  for (const working of names) {
    const match = WORKING_NAME.exec(working);
    if (!match?.[1] || !match[2] || isRunning(Number(match[1]))) continue;
    releaseClaim(folder, join(folder, working), match[2]);
    recovered.push(match[2]);
  }
  return recovered;
}
