import { it } from 'vitest';
import { newArchive, ok, openSheet } from '../helpers/core';
import { sessionProbe } from '../helpers/session-probe';
import { useTempDirs } from '../helpers/temp-dir';
const tempDir = useTempDirs();
const HEADER = ['客户名称', '联系电话', '车架号（VIN）', '车牌号', '交车日期'];
const row = (i: number) => [`客户${i}张伟`, `1380013${String(i % 10000).padStart(4, '0')}`, `LSVAU2180N${String(i).padStart(7, '0')}`, `沪A${String(10000 + (i % 90000))}`, '2026-11-02'];
it('walk cost', async () => {
  const probe = sessionProbe();
  const core = await newArchive(tempDir(), { handlers: probe.handlers });
  const rows = Array.from({ length: 20000 }, (_, i) => row(i + 1));
  const opened = await openSheet(core, 'x.csv', new TextEncoder().encode([HEADER, ...rows].map((r) => r.join(',')).join('\r\n')));
  await ok(core, 'import:run', { importId: opened.importId, typeKey: 'vehicle-new' });
  const dir = core.dataDir;
  await core.close();
  const { testCore, ADMIN } = await import('../helpers/core');
  const probe2 = sessionProbe();
  const core2 = testCore(dir, { handlers: probe2.handlers });
  await ok(core2, 'session:login', { login: ADMIN.login, password: ADMIN.password });
  const session = await probe2.session(core2);
  const sqlite = session.archive.database.sqlite;
  const names = (sqlite.prepare('SELECT name FROM sqlite_schema WHERE rootpage > 0').all() as { name: string }[]).map((r) => r.name);
  const walk = sqlite.prepare('SELECT count(*) FROM dbstat WHERE name = ?').pluck();
  let total = 0;
  const times: [string, number, number][] = [];
  for (const name of names) {
    const t = process.hrtime.bigint();
    const pages = walk.get(name) as number;
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    total += ms;
    times.push([name, pages, ms]);
  }
  times.sort((a, b) => b[2] - a[2]);
  console.log(times.slice(0, 6), 'total ms', total, 'page_count', sqlite.pragma('page_count', { simple: true }));
  let t = process.hrtime.bigint();
  sqlite.pragma('quick_check');
  console.log('quick_check ms', Number(process.hrtime.bigint() - t) / 1e6);
  await core2.close();
}, 300000);
