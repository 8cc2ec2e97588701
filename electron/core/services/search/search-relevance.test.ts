import { pinyin } from 'pinyin-pro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newArchive, ok, openSheet } from '../../../../tests/helpers/core';
import { useSuiteTempDir } from '../../../../tests/helpers/temp-dir';
import { SampleData } from '../../../cli/bench/sample-data';
import type { Core } from '../../core';

const suiteDir = useSuiteTempDir();
const ROWS = 3000;
const PAGE = 50;
/** Names whose initials are exactly zs, put among the generated ones (which seldom have them). */
const ZS_NAMES = ['张三', '赵爽', '周帅', '朱胜', '郑顺', '曾松'];
const DOCUMENT_TITLES = ['购车发票复印件', '张江路购房合同', '保险单'];

interface Made {
  number: string;
  name: string;
  phone: string;
  vin: string;
  plate: string;
  address: string;
  title: string;
  documents: string[];
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
const readings = (name: string) => {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true });
  return [syllables.join(''), syllables.map((s) => s[0]).join('')];
};

/**
 * The documented order (README, 'The catalogue'), worked out from the values as typed: 2 a name,
 * plate, phone or VIN typed whole; 3 a name's pinyin or initials typed whole; 4 the beginning of
 * a name or of its readings; 5 a name holding the term; 6 any other part; 7 a document title.
 * A dossier takes its best term's rank, if every term is found; 0 if not.
 */
function oracleRank(d: Made, query: string): number {
  const ranks = query
    .split(/\s+/)
    .map(norm)
    .filter(Boolean)
    .map((term) => {
      const name = norm(d.name);
      const forms = [name, ...readings(d.name)];
      const candidates = [
        [name, norm(d.phone), norm(d.vin), norm(d.plate)].includes(term) && 2,
        readings(d.name).includes(term) && 3,
        forms.some((f) => f.startsWith(term)) && 4,
        forms.some((f) => f.includes(term)) && 5,
        [d.number, d.phone, d.vin, d.plate, d.address, d.title].some((p) => norm(p).includes(term)) && 6,
        d.documents.some((p) => norm(p).includes(term)) && 7,
      ];
      return candidates.find((r): r is number => typeof r === 'number') ?? 0;
    });
  return ranks.includes(0) ? 0 : Math.min(...ranks);
}

let core: Core;
const made: Made[] = [];

async function walk(query: string, sort?: { by: 'archiveNumber'; direction: 'asc' }): Promise<string[]> {
  const numbers: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await ok(core, 'dossier:list', { query, limit: PAGE, ...(sort ? { sort } : {}), ...(cursor ? { cursor } : {}) });
    numbers.push(...page.items.map((d) => d.archiveNumber));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return numbers;
}

const firstPage = async (query: string) => (await ok(core, 'dossier:list', { query, limit: PAGE })).items.map((d) => d.archiveNumber);

beforeAll(async () => {
  core = await newArchive(suiteDir());
  const data = new SampleData(7);
  const lines = ['客户名称,联系电话,车架号（VIN）,车牌号,联系地址,交车日期'];
  const rows: Omit<Made, 'number' | 'title' | 'documents'>[] = [];
  for (let i = 0; i < ROWS; i += 1) {
    const row = { name: i % 97 === 5 ? (ZS_NAMES[i % ZS_NAMES.length] ?? '张三') : data.name(), phone: data.phone(), vin: data.vin(), plate: data.plate(), address: data.address() };
    rows.push(row);
    lines.push([row.name, row.phone, row.vin, row.plate, `"${row.address}"`, data.day(2015, 2026)].join(','));
  }
  const opened = await openSheet(core, '新车客户.csv', new TextEncoder().encode(lines.join('\r\n')));
  await ok(core, 'import:run', { importId: opened.importId, typeKey: 'vehicle-new' });
  let cursor: string | undefined;
  const listed: { archiveNumber: string; title: string }[] = [];
  do {
    const page = await ok(core, 'dossier:list', { limit: 200, sort: { by: 'archiveNumber', direction: 'asc' }, ...(cursor ? { cursor } : {}) });
    listed.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  for (const [i, row] of rows.entries()) {
    const dossier = listed[i];
    if (!dossier) throw new Error('an imported row is missing');
    made.push({ ...row, number: dossier.archiveNumber, title: dossier.title, documents: [] });
  }
  for (const [i, dossier] of made.entries()) {
    if (i % 61 !== 3) continue;
    const title = DOCUMENT_TITLES[i % DOCUMENT_TITLES.length] ?? '保险单';
    await ok(core, 'document:add', { archiveNumber: dossier.number, title });
    dossier.documents.push(title);
  }
}, 120_000);

afterAll(async () => {
  await core.close();
});

describe('search ranks its hits the way clerks judge them', () => {
  const sample = () => made.filter((_, i) => i % 150 === 7);

  it('puts a dossier on the first page for its name’s initials, its exact plate and its exact phone', async () => {
    for (const dossier of sample()) {
      for (const query of [readings(dossier.name)[1] ?? '', dossier.plate, dossier.phone]) {
        expect(await firstPage(query), `${dossier.name} ${query}`).toContain(dossier.number);
      }
    }
  });

  it('lists names with the initials zs before VINs that hold ZS', async () => {
    const byInitials = made.filter((d) => readings(d.name)[1] === 'zs').map((d) => d.number);
    const byVin = made.filter((d) => norm(d.vin).includes('zs') && !readings(d.name).some((r) => r.includes('zs'))).map((d) => d.number);
    expect(byInitials.length).toBeGreaterThan(5);
    expect(byVin.length).toBeGreaterThan(5);
    const listed = await walk('zs');
    const lastName = Math.max(...byInitials.map((n) => listed.indexOf(n)));
    const firstVin = Math.min(...byVin.map((n) => listed.indexOf(n)));
    expect(byInitials.every((n) => listed.includes(n))).toBe(true);
    expect(lastName).toBeLessThan(firstVin);
    expect((await firstPage('zs')).slice(0, byInitials.length).sort()).toEqual([...byInitials].sort());
  });

  const queries = ['zs', '张', 'zh', 'wang', '伟', '沪a', '张江', '发票', '合同', '1', '12', 'zs 沪', '沪 zs', '张 1'];
  it.each(queries)('lists every hit of %s once, rank after rank in the documented order, newest first within a rank', async (query) => {
    const listed = await walk(query);
    const expected = made.filter((d) => oracleRank(d, query) > 0);
    expect([...listed].sort()).toEqual(expected.map((d) => d.number).sort());
    const byNumber = new Map(made.map((d) => [d.number, d]));
    const order = listed.map((number) => {
      const dossier = byNumber.get(number);
      if (!dossier) throw new Error(`unknown ${number}`);
      return { rank: oracleRank(dossier, query), number };
    });
    // Rank by rank; within a rank newest first (imported in number order, so the numbers fall).
    const sorted = [...order].sort((a, b) => a.rank - b.rank || b.number.localeCompare(a.number));
    expect(order).toEqual(sorted);
  });

  it('lists every hit in the order asked for when sorted by something else', async () => {
    for (const query of ['张', 'zs']) {
      const listed = await walk(query, { by: 'archiveNumber', direction: 'asc' });
      const expected = made.filter((d) => oracleRank(d, query) > 0).map((d) => d.number);
      expect(listed).toEqual([...expected].sort());
    }
  });

  it('highlights where it matched: a plate fragment, a name by its initials, a long address in a window', async () => {
    const dossier = made[20];
    if (!dossier) throw new Error('no dossier');
    const items = async (query: string) => (await ok(core, 'dossier:list', { query, limit: 200 })).items;
    const plate = (await items(dossier.plate.slice(1, 5))).find((d) => d.archiveNumber === dossier.number)?.match;
    expect(plate && plate.value?.slice(plate.highlights[0]?.start, plate.highlights[0]?.end)).toBe(dossier.plate.slice(1, 5));
    const road = dossier.address.match(/(\d+)弄(\d+)号/)?.[0] ?? '';
    const address = (await items(road)).find((d) => d.archiveNumber === dossier.number)?.match;
    expect(address?.label).toBe('联系地址');
    expect(address?.value?.slice(address.highlights[0]?.start, address.highlights[0]?.end)).toBe(road);
    // The address is longer than the hit list shows: a window around the match, the cut said.
    expect(address && (address.cutBefore || address.cutAfter) && dossier.address.includes(address.value ?? '')).toBe(true);
    const zs = made.find((d) => d.name === '周帅');
    const byInitials = (await items('zs')).find((d) => d.archiveNumber === zs?.number)?.match;
    expect(byInitials).toEqual({ label: '客户名称', value: '周帅', highlights: [{ start: 0, end: 2 }], cutBefore: false, cutAfter: false, pinyin: 'zs' });
  });
});
