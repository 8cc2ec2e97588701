import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newArchive, ok, openSheet } from '../../../../tests/helpers/core';
import { useSuiteTempDir } from '../../../../tests/helpers/temp-dir';
import { SEARCH_COUNT_CAP } from '../../../../shared/contract';
import type { Core } from '../../core';

const suiteDir = useSuiteTempDir();
const ROWS = SEARCH_COUNT_CAP + 100;

let core: Core;
let firstNumber = '';

/** Every page of a search: the numbers in order, and the first page's count. */
async function walk(query: string, limit: number): Promise<{ numbers: string[]; total: number | null; totalCapped: boolean }> {
  let page = await ok(core, 'dossier:list', { query, limit });
  const { total, totalCapped } = page;
  const numbers = page.items.map((d) => d.archiveNumber);
  while (page.nextCursor) {
    page = await ok(core, 'dossier:list', { query, limit, cursor: page.nextCursor });
    expect(page.total).toBeNull();
    numbers.push(...page.items.map((d) => d.archiveNumber));
  }
  return { numbers, total, totalCapped };
}

beforeAll(async () => {
  core = await newArchive(suiteDir());
  const lines = ['客户名称,联系电话,车架号（VIN）,车牌号,交车日期'];
  for (let i = 1; i <= ROWS; i += 1) lines.push(`张客户${i},1380013${String(i).padStart(4, '0')},LSVAU2180N${String(i).padStart(7, '0')},沪A${10000 + i},2026-11-02`);
  const opened = await openSheet(core, '客户.csv', new TextEncoder().encode(lines.join('\r\n')));
  firstNumber = (await ok(core, 'import:run', { importId: opened.importId, typeKey: 'vehicle-new' })).firstNumber ?? '';
}, 60_000);

afterAll(async () => {
  await core.close();
});

/**
 * A first page of a search reads its matches once for the page and the count together; these
 * check that this gives the same pages and counts as reading them apart (the second time the
 * count comes from the cache, the page from its own query).
 */
describe('search counts', () => {
  it('stops counting at the cap, says so, and still pages through every match', async () => {
    for (const attempt of [1, 2]) {
      const { numbers, total, totalCapped } = await walk('张', 200);
      expect({ attempt, total, totalCapped }).toEqual({ attempt, total: SEARCH_COUNT_CAP, totalCapped: true });
      expect(new Set(numbers).size).toBe(ROWS);
    }
  });

  it('counts a term below the cap exactly, page after page', async () => {
    // 张客户10, 100–109 and 1000–1099.
    for (const attempt of [1, 2]) {
      const { numbers, total, totalCapped } = await walk('张客户10', 7);
      expect({ attempt, total, totalCapped, listed: numbers.length }).toEqual({ attempt, total: 111, totalCapped: false, listed: 111 });
      expect(new Set(numbers).size).toBe(111);
    }
  });

  it('lists an exact archive number once, first, and counts it once', async () => {
    for (const attempt of [1, 2]) {
      const page = await ok(core, 'dossier:list', { query: firstNumber.toLowerCase(), limit: 5 });
      expect({ attempt, numbers: page.items.map((d) => d.archiveNumber), total: page.total, next: page.nextCursor }).toEqual({ attempt, numbers: [firstNumber], total: 1, next: null });
    }
    // A number's beginning is no archive number: the nine numbers …000001–…000009, none twice.
    const prefix = firstNumber.slice(0, -1);
    const { numbers, total } = await walk(prefix, 4);
    expect({ total, listed: new Set(numbers).size }).toEqual({ total: 9, listed: 9 });
    expect(numbers.every((n) => n.startsWith(prefix))).toBe(true);
  });
});
