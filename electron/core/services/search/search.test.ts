import { pinyin } from 'pinyin-pro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, addUser, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { useSuiteTempDir } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';
import type { DossierSummary } from '../../../../shared/contract';

const suiteDir = useSuiteTempDir();

/** A small deterministic generator: the same archive on every run. */
function generator(seed: number) {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const pick = <T>(list: readonly T[]) => list[next(list.length)] as T;
  return { next, pick };
}

const SURNAMES = ['张', '王', '李', '赵', '单', '曾', '欧阳'];
const GIVEN = ['三', '伟', '芳', '小明', '建国', '丽', '强'];
const PROVINCES = ['沪', '浙', '苏', '京'];
const ROADS = ['张江路', '世纪大道', '人民路', '解放路'];
const DOCUMENT_TITLES = ['购车发票复印件', '销售合同', '补充协议', '保险单'];

interface Made {
  archiveNumber: string;
  title: string;
  /** What the dossier must be found by, as typed. */
  parts: string[];
  names: string[];
  hidden: boolean;
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
const pinyinOf = (name: string) => {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true });
  return [syllables.join(''), syllables.map((s) => s[0]).join('')];
};

/** The brute-force answer: every term is a substring of some part (a name also of its pinyin). */
function oracle(made: readonly Made[], query: string): string[] {
  const terms = query.split(/[\s,，]+/).map(norm).filter(Boolean);
  return made
    .filter((d) => !d.hidden)
    .filter((d) => {
      const forms = [...d.parts.map(norm), ...d.names.flatMap(pinyinOf)];
      return terms.every((term) => forms.some((form) => form.includes(term)));
    })
    .map((d) => d.archiveNumber)
    .sort();
}

async function everyHit(core: Core, query: string): Promise<{ numbers: string[]; first: DossierSummary[]; total: number | null }> {
  const numbers: string[] = [];
  let cursor: string | undefined;
  let first: DossierSummary[] = [];
  let total: number | null = null;
  do {
    const page = await ok(core, 'dossier:list', { query, limit: 7, ...(cursor ? { cursor } : {}) });
    if (!cursor) {
      first = page.items;
      total = page.total;
    }
    numbers.push(...page.items.map((d) => d.archiveNumber));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { numbers, first, total };
}

let core: Core;
const made: Made[] = [];

beforeAll(async () => {
  core = await newArchive(suiteDir());
  await ok(core, 'department:create', { code: 'XSB', name: '销售部' });
  const random = generator(7);
  for (let i = 0; i < 160; i += 1) {
    const name = random.pick(SURNAMES) + random.pick(GIVEN);
    const plate = `${random.pick(PROVINCES)}${String.fromCharCode(65 + random.next(4))}${String(random.next(100000)).padStart(5, '0')}`;
    const phone = `1${3 + random.next(6)}${String(random.next(1e9)).padStart(9, '0')}`;
    const vin = `LSVAU2180N${String(random.next(1e7)).padStart(7, '0')}`;
    const address = `上海市${random.pick(ROADS)}${1 + random.next(300)}号`;
    const hidden = i % 9 === 0;
    const created = await ok(core, 'dossier:create', {
      typeKey: 'vehicle-new',
      fields: { customerName: name, phone, vin, plate, address, deliveryDate: '2026-11-02' },
      ...(hidden ? { level: 3, departmentCode: 'XSB' } : {}),
    });
    const titles = DOCUMENT_TITLES.filter(() => random.next(3) === 0);
    for (const title of titles) await ok(core, 'document:add', { archiveNumber: created.archiveNumber, title });
    made.push({ archiveNumber: created.archiveNumber, title: created.title, parts: [created.archiveNumber, created.title, name, phone, vin, plate, address, ...titles], names: [name], hidden });
  }
  // The searcher sees the archive office's dossiers up to 秘密, not the 机密 ones of 销售部.
  await addUser(core, { login: 'searcher', roles: ['staff'], clearance: 2 });
  await switchTo(core, 'searcher');
}, 120_000);

afterAll(async () => {
  await core.close();
});

describe('the search box', () => {
  const classes: [string, (m: Made) => string][] = [
    ['one Chinese character', (m) => m.names[0]?.[0] ?? '张'],
    ['two Chinese characters', (m) => m.names[0]?.slice(0, 2) ?? '张三'],
    ['three characters and more', (m) => m.parts[6]?.slice(3, 7) ?? '张江路'],
    ['pinyin in full', (m) => pinyinOf(m.names[0] ?? '张三')[0] ?? 'zhangsan'],
    ['pinyin initials', (m) => pinyinOf(m.names[0] ?? '张三')[1] ?? 'zs'],
    ['plate fragment, Chinese and ASCII mixed', (m) => m.parts[5]?.slice(0, 2) ?? '沪A'],
    ['plate digits', (m) => m.parts[5]?.slice(3, 6) ?? '123'],
    ['phone fragment', (m) => m.parts[3]?.slice(4, 9) ?? '1381'],
    ['one digit', (m) => m.parts[3]?.slice(5, 6) ?? '1'],
    ['two digits (read from the entries, not the index)', (m) => m.parts[3]?.slice(6, 8) ?? '12'],
    ['one letter', (m) => m.parts[4]?.slice(3, 4).toLowerCase() ?? 'u'],
    ['a Chinese character and two digits', (m) => `${m.names[0]?.[0] ?? '张'} ${m.parts[5]?.slice(4, 6) ?? '12'}`],
    ['VIN fragment in lower case', (m) => m.parts[4]?.slice(-6).toLowerCase() ?? 'n00001'],
    ['document title', () => '发票'],
    ['two terms', (m) => `${m.names[0]?.[0] ?? '张'} ${m.parts[5]?.slice(0, 1) ?? '沪'}`],
    ['full-width input', (m) => (m.parts[5] ?? '沪A').slice(1, 4).replace(/[A-Z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))],
    ['archive-number fragment', (m) => m.archiveNumber.slice(-5)],
  ];

  it.each(classes)('matches the brute-force oracle: %s', async (_label, queryFor) => {
    for (const sample of [made[3], made[50], made[121]]) {
      if (!sample) throw new Error('sample missing');
      const query = queryFor(sample);
      const expected = oracle(made, query);
      const { numbers, total } = await everyHit(core, query);
      expect([...numbers].sort(), `query ${query}`).toEqual(expected);
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(total).toBe(Math.min(expected.length, 1000));
    }
  });

  it('puts the exact archive number first, and says where each hit was found', async () => {
    const target = made.find((m) => !m.hidden && m.archiveNumber.endsWith('1'));
    if (!target) throw new Error('no target');
    const { first } = await everyHit(core, target.archiveNumber.toLowerCase());
    expect(first[0]?.archiveNumber).toBe(target.archiveNumber);
    const phone = target.parts[3] ?? '';
    const byPhone = await ok(core, 'dossier:list', { query: phone.slice(2, 9) });
    expect(byPhone.items.find((d) => d.archiveNumber === target.archiveNumber)?.match).toEqual({ label: '联系电话', value: phone, highlights: [{ start: 2, end: 9 }], cutBefore: false, cutAfter: false });
    const name = target.names[0] ?? '';
    const initials = pinyinOf(name)[1] ?? '';
    const byPinyin = await ok(core, 'dossier:list', { query: initials });
    expect(byPinyin.items.find((d) => d.archiveNumber === target.archiveNumber)?.match).toEqual({ label: '客户名称', value: name, highlights: [{ start: 0, end: name.length }], cutBefore: false, cutAfter: false, pinyin: initials });
  });

  it('never shows a hidden dossier: searching its exact number or title looks like searching nothing', async () => {
    const hidden = made.filter((m) => m.hidden);
    expect(hidden.length).toBeGreaterThan(5);
    for (const dossier of hidden) {
      for (const query of [dossier.archiveNumber, dossier.parts[4] ?? '']) {
        const page = await ok(core, 'dossier:list', { query });
        expect(page.items.map((d) => d.archiveNumber)).not.toContain(dossier.archiveNumber);
        if (!made.some((m) => !m.hidden && m.parts.some((p) => norm(p).includes(norm(query))))) {
          expect(page).toEqual({ items: [], nextCursor: null, total: 0, totalCapped: false });
        }
      }
    }
  });

  it('finds a dossier by its new values right after an edit, and by a newly filed document', async () => {
    await switchTo(core, ADMIN.login, ADMIN.password);
    const target = made[10];
    if (!target) throw new Error('no target');
    await ok(core, 'dossier:update', { archiveNumber: target.archiveNumber, fields: { customerName: '龚自珍' } });
    await ok(core, 'document:add', { archiveNumber: target.archiveNumber, title: '律师函（诉讼）' });
    for (const query of ['龚自', 'gzz', 'gongzizhen', '律师函']) {
      expect((await ok(core, 'dossier:list', { query })).items.map((d) => d.archiveNumber), query).toEqual([target.archiveNumber]);
    }
    await switchTo(core, 'searcher');
  });
});
