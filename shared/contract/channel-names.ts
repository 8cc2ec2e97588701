import type { Envelope } from '../errors';
import type { Channel, StagedFileInfo, StagingPurpose } from './index';

/**
 * Every channel's name, and nothing else: what the Electron preload needs to build `window.api`.
 * The contract stays the single source of truth – this list is checked against it when compiling
 * (below) and by electron/core/parity.test.ts – but importing it loads no schema and no zod, so
 * the preload stays a few kilobytes.
 */
export const channelNames = [
  'archive:status',
  'archive:create',
  'archive:info',
  'archive:verify',
  'archive:accept-rollback',
  'archive:repair-index',
  'session:status',
  'session:login',
  'session:lock',
  'session:touch',
  'session:change-password',
  'department:list',
  'department:create',
  'department:update',
  'user:list',
  'user:create',
  'user:update',
  'user:disable',
  'user:enable',
  'user:reset-password',
  'user:unlock',
  'user:custodian-candidates',
  'type:list',
  'type:save',
  'dossier:create',
  'dossier:preview-number',
  'dossier:list',
  'dossier:get',
  'dossier:update',
  'dossier:history',
  'dossier:reveal-field',
  'dossier:classify',
  'dossier:export',
  'dossier:export-list',
  'document:add',
  'document:update',
  'document:reorder',
  'document:remove',
  'staging:begin',
  'staging:append',
  'staging:finish',
  'staging:discard',
  'import:open',
  'import:suggest-mapping',
  'import:check',
  'import:report',
  'import:run',
  'import:progress',
  'import:cancel',
  'import:close',
  'link:add',
  'link:remove',
  'location:list',
  'location:create',
  'location:update',
  'location:remove',
  'dossier:set-location',
  'customer:list',
  'customer:get',
  'customer:create',
  'customer:update',
  'customer:reveal-id',
  'customer:add-record',
  'dossier:link-customer',
  'dossier:unlink-customer',
  'view:list',
  'view:save',
  'view:remove',
  'approval:request',
  'approval:decide',
  'approval:withdraw',
  'approval:get',
  'approval:list',
  'approval:inbox',
  'approval:mine',
  'loan:checkout',
  'loan:return',
  'loan:list',
  'loan:get',
  'loan:desk',
  'loan:period-limit',
  'intake:add',
  'intake:list',
  'intake:get',
  'intake:shortages',
  'notice:check',
  'notice:read',
  'register:export',
  'kpi:report',
  'violation:report',
  'workbench:get',
  'audit:list',
  'audit:export',
  'settings:get',
  'settings:update',
  'calendar:list',
  'calendar:set',
  'calendar:unset',
  'calendar:confirm-year',
  'security:update-policy',
  'security:enable-separation',
  'security:disable-separation',
] as const satisfies readonly Channel[];

type NoneMissing<Missing extends never> = Missing;
/** Fails to compile, naming the channel, while a channel of the contract is missing above. */
export type EveryChannelListed = NoneMissing<Exclude<Channel, (typeof channelNames)[number]>>;

/**
 * The desktop app's file dialog, exposed by the preload beside `window.api` (it is not a core
 * channel): Electron's main process shows the native dialog and stages the chosen file itself,
 * so the page never learns a path. Null when the user cancels.
 */
export const FILE_DIALOG_IPC = 'desktop:pick-file';

export interface FileDialogBinding {
  pick(purpose: StagingPurpose): Promise<Envelope<StagedFileInfo | null>>;
}
