import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/helpers/temp-dir';
import { rotateLogFile } from './log-rotation';

const tempDir = useTempDirs();

describe('the log file is rotated', () => {
  it('a full log moves down one place; the oldest of the kept ones goes', () => {
    const dir = tempDir();
    const file = join(dir, 'main.log');
    for (let round = 1; round <= 4; round += 1) {
      writeFileSync(file, `round ${round}`);
      rotateLogFile(file, 2);
    }
    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log']);
    expect(readFileSync(join(dir, 'main.1.log'), 'utf8')).toBe('round 4');
    expect(readFileSync(join(dir, 'main.2.log'), 'utf8')).toBe('round 3');
  });
});
