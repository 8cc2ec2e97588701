import type { Core } from '../../electron/core/core';
import { ok } from './core';

const HEADER = ['客户名称', '联系电话', '车架号（VIN）', '车牌号', '交车日期'];
const row = (i: number) => [`客户${i}`, `1380013${String(i).padStart(4, '0')}`, `LSVAU2180N${String(i).padStart(7, '0')}`, `沪A${String(10000 + i)}`, '2026/11/2'];

/** A CSV of `rows` valid new-vehicle customers (客户1 …), for imports long enough to act beside. */
export function vehicleSheet(rows: number): Uint8Array {
  return new TextEncoder().encode([HEADER, ...Array.from({ length: rows }, (_, i) => row(i + 1))].map((r) => r.join(',')).join('\n'));
}

/** Waits until a running import has written its first rows (and still holds the archive). */
export async function untilWriting(core: Pick<Core, 'invoke'>, importId: string): Promise<void> {
  let progress = await ok(core, 'import:progress', { importId });
  while (progress.phase !== 'writing' || progress.done === 0) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    progress = await ok(core, 'import:progress', { importId });
  }
}
