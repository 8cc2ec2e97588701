import { existsSync, readFileSync, rmSync } from 'node:fs';
import { writeFileAtomic } from './atomic-write';

export interface FileEffect {
  path: string;
  contents: string;
}

/** Writes each file atomically and returns, for each, how to put the previous content back. */
export function applyFileEffects(effects: readonly FileEffect[]): (() => void)[] {
  const undo: (() => void)[] = [];
  for (const effect of effects) {
    const previous = existsSync(effect.path) ? readFileSync(effect.path) : null;
    writeFileAtomic(effect.path, effect.contents);
    undo.push(() => (previous === null ? rmSync(effect.path, { force: true }) : writeFileAtomic(effect.path, previous)));
  }
  return undo;
}
