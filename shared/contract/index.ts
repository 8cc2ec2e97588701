import type { z } from 'zod';
import { approvalContract } from './approval';
import { archiveContract } from './archive';
import { backupContract } from './backup';
import { auditContract } from './audit';
import { catalogueContract } from './catalogue';
import type { Returns } from './define';
import { departmentContract } from './department';
import { documentContract } from './document';
import { importContract } from './import';
import { linkContract } from './link';
import { loanContract } from './loan';
import { intakeContract } from './intake';
import { locationContract } from './location';
import { noticeContract } from './notice';
import { registerContract } from './register';
import { kpiContract } from './kpi';
import { workbenchContract } from './workbench';
import { customerContract } from './customer';
import { viewContract } from './view';
import { dossierContract } from './dossier';
import { securityContract } from './security';
import { sessionContract } from './session';
import { labelContract } from './label';
import { scanContract } from './scan';
import { stocktakeContract } from './stocktake';
import { disposalContract } from './disposal';
import { inspectionContract } from './inspection';
import { holdContract } from './hold';
import { fourCheckContract } from './four-check';
import { inboxContract } from './inbox';
import { stagingContract } from './staging';
import { settingsContract } from './settings';
import { calendarContract } from './calendar';
import { typeContract } from './type';
import { userContract } from './user';

/** The single source of truth for every channel between the UI (or a script) and the core. */
export const contract = {
  ...archiveContract,
  ...backupContract,
  ...sessionContract,
  ...departmentContract,
  ...userContract,
  ...typeContract,
  ...dossierContract,
  ...catalogueContract,
  ...documentContract,
  ...importContract,
  ...linkContract,
  ...locationContract,
  ...customerContract,
  ...viewContract,
  ...approvalContract,
  ...loanContract,
  ...intakeContract,
  ...noticeContract,
  ...registerContract,
  ...kpiContract,
  ...workbenchContract,
  ...auditContract,
  ...settingsContract,
  ...calendarContract,
  ...securityContract,
  ...stagingContract,
  ...scanContract,
  ...inboxContract,
  ...labelContract,
  ...stocktakeContract,
  ...disposalContract,
  ...inspectionContract,
  ...holdContract,
  ...fourCheckContract,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export { channelNames } from './channel-names';

/** What a caller sends (before defaults are applied). */
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (after parsing and defaults). */
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C]['output'] extends Returns<infer O> ? O : never;

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

export * from './approval';
export * from './archive';
export * from './backup';
export * from './audit';
export * from './catalogue';
export * from './define';
export * from './department';
export * from './document';
export * from './dossier';
export * from './export-file';
export * from './import';
export * from './link';
export * from './loan';
export * from './intake';
export * from './location';
export * from './notice';
export * from './register';
export * from './kpi';
export * from './workbench';
export * from './customer';
export * from './view';
export * from './security';
export * from './session';
export * from './settings';
export * from './calendar';
export * from './label';
export * from './scan';
export * from './stocktake';
export * from './disposal';
export * from './inspection';
export * from './hold';
export * from './four-check';
export * from './inbox';
export * from './staging';
export * from './type';
export * from './user';
