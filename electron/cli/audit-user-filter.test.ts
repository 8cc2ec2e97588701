import { describe, expect, it } from 'vitest';
import { takeAuditUserFilter } from './audit-user-filter';

describe('audit list --user', () => {
  it('is the filter after `audit list`, the sign-in user before it', () => {
    expect(takeAuditUserFilter(['--user', 'admin', 'audit', 'list', '--user', 'zhangsan', '--json'])).toEqual({ argv: ['--user', 'admin', 'audit', 'list', '--json'], user: 'zhangsan' });
    expect(takeAuditUserFilter(['audit', 'list', '--user=lisi'])).toEqual({ argv: ['audit', 'list'], user: 'lisi' });
    expect(takeAuditUserFilter(['dossier', 'list', '--user', 'admin'])).toEqual({ argv: ['dossier', 'list', '--user', 'admin'], user: undefined });
  });
});
