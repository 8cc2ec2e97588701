import { approvalHandlers } from './approval';
import { archiveHandlers } from './archive';
import { auditHandlers } from './audit';
import { backupHandlers } from './backup';
import { catalogueHandlers } from './catalogue';
import { departmentHandlers } from './department';
import { documentHandlers } from './document';
import { importHandlers } from './import';
import { linkHandlers } from './link';
import { loanHandlers, noticeHandlers } from './loan';
import { registerHandlers } from './register';
import { kpiHandlers } from './kpi';
import { workbenchHandlers } from './workbench';
import { intakeHandlers } from './intake';
import { locationHandlers } from './location';
import { customerHandlers } from './customer';
import { viewHandlers } from './view';
import { dossierHandlers } from './dossier';
import { securityHandlers } from './security';
import { sessionHandlers } from './session';
import { settingsHandlers } from './settings';
import { calendarHandlers } from './calendar';
import { labelHandlers } from './label';
import { scanHandlers } from './scan';
import { inboxHandlers } from './inbox';
import { stagingHandlers } from './staging';
import { stocktakeHandlers } from './stocktake';
import { disposalHandlers } from './disposal';
import { inspectionHandlers } from './inspection';
import { holdHandlers } from './hold';
import { fourCheckHandlers } from './four-check';
import { typeHandlers } from './type';
import type { HandlerTable } from './types';
import { userHandlers } from './user';

/** The one handler table behind every front door (Electron IPC, harness bridge, CLI). */
export const handlers: HandlerTable = {
  ...archiveHandlers,
  ...backupHandlers,
  ...sessionHandlers,
  ...departmentHandlers,
  ...userHandlers,
  ...typeHandlers,
  ...dossierHandlers,
  ...catalogueHandlers,
  ...documentHandlers,
  ...importHandlers,
  ...linkHandlers,
  ...locationHandlers,
  ...customerHandlers,
  ...viewHandlers,
  ...approvalHandlers,
  ...loanHandlers,
  ...intakeHandlers,
  ...noticeHandlers,
  ...registerHandlers,
  ...kpiHandlers,
  ...workbenchHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...calendarHandlers,
  ...securityHandlers,
  ...stagingHandlers,
  ...scanHandlers,
  ...inboxHandlers,
  ...labelHandlers,
  ...stocktakeHandlers,
  ...disposalHandlers,
  ...inspectionHandlers,
  ...holdHandlers,
  ...fourCheckHandlers,
};
