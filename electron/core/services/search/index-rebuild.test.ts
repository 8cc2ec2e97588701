import { describe, expect, it } from 'vitest';
import { ADMIN, newArchive, ok, switchTo } from '../../../../tests/helpers/core';
import { openRawDatabase } from '../../../../tests/helpers/raw-archive';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import type { Core } from '../../core';

const tempDir = useTempDirs();
const QUERIES = ['张', '张三', 'zs', 'zhangsan', '沪a1', '1380013', '发票', '4', '12', 'lsvau'];

async function hits(core: Core): Promise<Record<string, string[]>> {
  const answers: Record<string, string[]> = {};
  for (const query of QUERIES) answers[query] = (await ok(core, 'dossier:list', { query, limit: 200 })).items.map((d) => d.archiveNumber).sort();
  return answers;
}

describe('the search index rebuilt from scratch', () => {
  it('answers every query exactly as the index kept up to date dossier by dossier', async () => {
    const dir = tempDir();
    const core = await newArchive(dir);
    for (let i = 0; i < 12; i += 1) {
      const { archiveNumber } = await ok(core, 'dossier:create', {
        typeKey: 'vehicle-new',
        fields: { customerName: i % 3 ? `张三${i}` : `李四${i}`, phone: `1380013${String(1000 + i)}`, vin: `LSVAU2180N21832${String(10 + i)}`, deliveryDate: '2026-11-02', plate: `沪A1${String(2340 + i)}` },
      });
      if (i % 4 === 0) await ok(core, 'document:add', { archiveNumber, checklistItem: 'invoiceCopy' });
    }
    const kept = await hits(core);
    expect(kept['zs']).toHaveLength(8);
    expect(kept['发票']).toHaveLength(3);

    // An archive from an older build: its index version differs, so the next sign-in rebuilds it.
    await ok(core, 'session:lock', {});
    const raw = await openRawDatabase(dir, ADMIN.login, ADMIN.password);
    raw.prepare("UPDATE archive_meta SET value = 'old' WHERE key = 'search_index_version'").run();
    raw.prepare('DELETE FROM search_grams').run();
    raw.close();
    await switchTo(core, ADMIN.login, ADMIN.password);
    expect(await hits(core)).toEqual(kept);
    const [event] = (await ok(core, 'audit:list', { action: 'search:rebuild' })).items;
    expect(event?.summary).toMatchObject({ dossiers: 12 });
    await core.close();
  });
});
