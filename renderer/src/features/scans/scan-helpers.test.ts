import { describe, expect, it } from 'vitest';
import type { ChecklistStatus, DocumentScans, ScanFiling, ScanPageView } from '../../../../shared/contract';
import { filingCounts, refusalOf, uploadRefusal } from './filing-outcome';
import { reorderedPages } from './page-order';
import { dossierPageCount, groupScans, itemPageCount } from './scan-groups';
import { taskQueue } from './task-queue';
import { fitScale, turned, zoomed } from './zoom';

const page = (id: number): ScanPageView => ({ id, position: id, rotation: 0, sourceName: 'a.pdf', pageInFile: id - 1, mediaType: 'application/pdf', addedAt: '2026-11-30T08:00:00.000Z' });
const document = (documentId: number, checklistItem: string | null, pages: number[]): DocumentScans => ({ documentId, title: `文件 ${documentId}`, checklistItem, level: 1, pages: pages.map(page) });
const status = (key: string): ChecklistStatus => ({ item: { key, name: key, requirement: 'required', expected: 'original' }, documents: 0, scannedPages: 0, satisfied: false });

describe('the scans tab groups documents under the checklist', () => {
  it('puts each document under its item, keeps empty items, and the rest apart', () => {
    const documents = [document(1, 'greenCard', [1, 2]), document(2, null, [3]), document(3, 'invoiceCopy', []), document(4, 'dropped', [4])];
    const groups = groupScans([status('greenCard'), status('invoiceCopy'), status('idCopy')], documents);
    expect(groups.items.map((i) => [i.status.item.key, i.documents.map((d) => d.documentId)])).toEqual([
      ['greenCard', [1]],
      ['invoiceCopy', [3]],
      ['idCopy', []],
    ]);
    expect(groups.others.map((d) => d.documentId)).toEqual([2, 4]);
    const scans = { archiveNumber: 'XC-2026-000001', documents };
    expect(dossierPageCount(scans)).toBe(4);
    expect(itemPageCount(scans, 'greenCard')).toBe(2);
    expect(itemPageCount(scans, 'idCopy')).toBe(0);
  });
});

describe('reordering a strip by drag and drop', () => {
  const pages = [1, 2, 3, 4].map(page);
  it('puts the dragged page in the place of the one it is dropped on', () => {
    expect(reorderedPages(pages, 1, 3)).toEqual([2, 3, 1, 4]);
    expect(reorderedPages(pages, 4, 2)).toEqual([1, 4, 2, 3]);
    expect(reorderedPages(pages, 2, 2)).toBeNull();
    expect(reorderedPages(pages, 9, 2)).toBeNull();
  });
});

describe('the viewer’s zoom and turns', () => {
  it('fits a turned page by its turned size', () => {
    expect(fitScale({ width: 1000, height: 2000 }, 0, { width: 500, height: 500 })).toBe(0.25);
    expect(fitScale({ width: 1000, height: 2000 }, 90, { width: 1000, height: 250 })).toBe(0.25);
    expect(fitScale({ width: 1000, height: 2000 }, 180, { width: 1000, height: 250 })).toBe(0.125);
    expect(fitScale({ width: 0, height: 0 }, 0, { width: 500, height: 500 })).toBe(1);
  });
  it('zooms in steps within bounds and turns by quarters', () => {
    expect(zoomed(1, 1)).toEqual({ fit: false, scale: 1.25 });
    expect(zoomed(0.1, -1)).toEqual({ fit: false, scale: 0.1 });
    expect(zoomed(8, 1)).toEqual({ fit: false, scale: 8 });
    expect([turned(0, 1), turned(0, -1), turned(270, 1), turned(90, -1)]).toEqual([90, 270, 0, 0]);
  });
});

describe('what a filing says', () => {
  it('counts files, pages, documents and duplicates', () => {
    const filing: ScanFiling = {
      archiveNumber: 'XC-2026-000001',
      documents: [
        { id: 1, title: '绿卡', pagesAdded: 3, created: true },
        { id: 2, title: '发票', pagesAdded: 1, created: false },
      ],
      files: [
        { name: 'a.pdf', mediaType: 'application/pdf', pages: 2, stored: 'new' },
        { name: 'b.png', mediaType: 'image/png', pages: 1, stored: 'duplicate' },
        { name: 'c.png', mediaType: 'image/png', pages: 1, stored: 'new' },
      ],
    };
    expect(filingCounts(filing)).toEqual({ files: 3, pages: 4, duplicates: 1 });
  });
  it('keeps each refused file’s reason in both languages', () => {
    const refused = { zh: '1 个文件不能归档', en: '1 file cannot be filed', issues: [{ path: 'x.pdf', message: '“x.pdf”不能作为扫描件保存', messageEn: '"x.pdf" cannot be stored as a scan' }] };
    expect(refusalOf(refused)).toEqual({ kind: 'refused', zh: '1 个文件不能归档', en: '1 file cannot be filed', files: [{ name: 'x.pdf', zh: '“x.pdf”不能作为扫描件保存', en: '"x.pdf" cannot be stored as a scan' }] });
    expect(refusalOf({ zh: '“a.png”不完整', en: '"a.png" is incomplete', issues: [] })).toEqual({ kind: 'refused', zh: '“a.png”不完整', en: '"a.png" is incomplete', files: [] });
    expect(uploadRefusal([{ name: 'big.tif', reason: refused }], 3)).toEqual({ kind: 'upload', total: 3, files: [{ name: 'big.tif', zh: '1 个文件不能归档', en: '1 file cannot be filed' }] });
  });
});

describe('the thumbnail queue', () => {
  it('runs no more than its share at once, in order, and goes on after a failure', async () => {
    const run = taskQueue(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (n: number) => async () => {
      started.push(n);
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      if (n === 2) throw new Error('failed');
      return n;
    };
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => run(task(n))));
    expect(most).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
  });
});
