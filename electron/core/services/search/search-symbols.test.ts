import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, newArchive, ok } from '../../../../tests/helpers/core';
import { openRawDatabase } from '../../../../tests/helpers/raw-archive';
import { useSuiteTempDir, useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';

const suiteDir = useSuiteTempDir();
const tempDir = useTempDirs();
let core: Core;

const titles = async (query: string) => (await ok(core, 'dossier:list', { query })).items.map((d) => d.title).sort();
const customers = async (query: string) => (await ok(core, 'customer:list', { query })).items.map((c) => c.name).sort();

beforeAll(async () => {
  core = await newArchive(suiteDir());
  for (const title of ['利率上浮 5% 的贷款合同', '文件名 scan_0001 扫描件', '回访满意 😀', '点赞 👍🏽 回访', '沪A·12345 新车档案', 'A+B 联营协议', '普通案卷 5 号']) await ok(core, 'dossier:create', { title });
  for (const name of ['百分百%公司', 'under_score 工作室', '张三']) await ok(core, 'customer:create', { kind: 'organisation', name, phones: [] });
});

describe('a search for a symbol', () => {
  it('finds the dossiers that hold it – not every dossier', async () => {
    expect(await titles('%')).toEqual(['利率上浮 5% 的贷款合同']);
    expect(await titles('5%')).toEqual(['利率上浮 5% 的贷款合同']);
    expect(await titles('_')).toEqual(['文件名 scan_0001 扫描件']);
    expect(await titles('scan_0')).toEqual(['文件名 scan_0001 扫描件']);
    expect(await titles('😀')).toEqual(['回访满意 😀']);
    expect(await titles('👍🏽')).toEqual(['点赞 👍🏽 回访']);
    expect(await titles('🙂')).toEqual([]);
    expect(await titles('+')).toEqual(['A+B 联营协议']);
    expect(await titles('a+b')).toEqual(['A+B 联营协议']);
  });

  it('still ignores punctuation between letters and digits, and a query of punctuation alone finds nothing', async () => {
    expect(await titles('沪a12345')).toEqual(['沪A·12345 新车档案']);
    expect(await titles('5')).toEqual(['利率上浮 5% 的贷款合同', '普通案卷 5 号', '沪A·12345 新车档案']);
    expect(await titles('·')).toEqual([]);
    expect(await titles('-')).toEqual([]);
  });

  it('finds the customers that hold it', async () => {
    expect(await customers('%')).toEqual(['百分百%公司']);
    expect(await customers('_')).toEqual(['under_score 工作室']);
    expect(await customers('-')).toEqual([]);
  });

  it('is found in what an older build indexed once the index is rebuilt, customers too', async () => {
    const dir = tempDir();
    const older = await newArchive(dir);
    await ok(older, 'dossier:create', { title: '利率 5% 合同' });
    await ok(older, 'customer:create', { kind: 'organisation', name: '百分百%公司', phones: [] });
    await ok(older, 'session:lock', {});
    // As the build before symbols were searched left the search texts.
    const raw = await openRawDatabase(dir, ADMIN.login, ADMIN.password);
    raw.prepare("UPDATE archive_meta SET value = '3' WHERE key = 'search_index_version'").run();
    raw.prepare("UPDATE customers SET search_text = replace(search_text, '％', '')").run();
    raw.prepare("UPDATE search_text SET text = replace(text, '％', '')").run();
    raw.close();
    await ok(older, 'session:login', { login: ADMIN.login, password: ADMIN.password }, 'cli');
    expect((await ok(older, 'dossier:list', { query: '%' }, 'cli')).items.map((d) => d.title)).toEqual(['利率 5% 合同']);
    expect((await ok(older, 'customer:list', { query: '%' }, 'cli')).items.map((c) => c.name)).toEqual(['百分百%公司']);
    await older.close();
  });
});
