import type { auditContract } from '../../../shared/contract';
import { exportAudit } from '../services/audit/export-audit';
import { listAudit } from '../services/audit/read-audit';
import type { HandlersFor } from './types';

export const auditHandlers: HandlersFor<typeof auditContract> = {
  'audit:list': (ctx, input) => {
    const session = ctx.session();
    return listAudit(session.archive.database.db, session, input);
  },
  'audit:export': (ctx, input) => exportAudit(ctx, input),
};
