import { closeSync, openSync, readSync } from 'node:fs';
import type { Db } from '../../../../db/open';
import { verifyAuditChain } from '../../audit/chain';
import { CheckTally } from './check-tally';

const PLAIN_SQLITE = Buffer.from('SQLite format 3\0', 'latin1');

/** The audit trail's chain recomputed from its first event (as `verify` does). */
export function checkAuditTrail(db: Db): CheckTally {
  const tally = new CheckTally('audit-trail', { zh: '条审计事件', en: 'audit events' });
  const verdict = verifyAuditChain(db);
  tally.checked = verdict.events;
  if (verdict.ok) {
    const head = verdict.head ? { zh: `，链头 ${verdict.head.id}:${verdict.head.hash.slice(0, 16)}…`, en: `, head ${verdict.head.id}:${verdict.head.hash.slice(0, 16)}…` } : { zh: '', en: '' };
    tally.passedNote = { zh: `${verdict.events} 条事件的链完整${head.zh}`, en: `the chain of ${verdict.events} events is intact${head.en}` };
  } else {
    tally.fail(null, null, `审计记录第 ${verdict.firstBrokenId} 条起不完整（${verdict.fault}）`, `The audit trail breaks at event ${verdict.firstBrokenId} (${verdict.fault})`);
  }
  return tally;
}

/**
 * The database file as anyone without the key sees it: a plain SQLite file begins with its
 * format string and shows its page header after it; an SQLCipher file begins with its random
 * salt and shows nothing readable.
 */
export function checkDatabaseEncrypted(databaseFile: string): CheckTally {
  const tally = new CheckTally('database-encrypted', { zh: '个数据库文件', en: 'database file' });
  const head = Buffer.alloc(100);
  const fd = openSync(databaseFile, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  tally.checked = 1;
  if (head.subarray(0, PLAIN_SQLITE.length).equals(PLAIN_SQLITE)) tally.fail(null, null, '数据库文件是明文 SQLite 文件', 'The database file is a plaintext SQLite file');
  else tally.passedNote = { zh: '数据库文件已加密（SQLCipher，AES-256）', en: 'the database file is encrypted (SQLCipher, AES-256)' };
  return tally;
}
