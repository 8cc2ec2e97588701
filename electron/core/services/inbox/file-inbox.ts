import type { InboxFiling } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import { requireScanInbox } from '../../inbox/inbox-registry';
import { emptyFiling, fileBatch, takeOut, type FilingTarget } from './file-batch';
import { isSheet, namedFiles } from './inbox-files';

/**
 * The files the clerk chose, filed onto the dossier (item, document) typed or scanned in. Cover and
 * separator sheets among them are not filed: they leave the folder with the batch. A file that is
 * not a scan refuses the whole filing, as scan:add does.
 */
export async function fileFromInbox(ctx: HandlerContext, input: FilingTarget & { names: string[] }): Promise<InboxFiling> {
  const inbox = requireScanInbox(ctx.session());
  const files = await namedFiles(inbox, input.names);
  const refused = files.flatMap((file) => (file.analysis.kind === 'refused' ? [{ name: file.name, reason: file.analysis.reason }] : []));
  if (refused.length > 0) {
    throw new AppError(
      'VALIDATION',
      { zh: `${refused.map((r) => `“${r.name}”：${r.reason.zh}`).join('；')}。本批文件均未归档`, en: `${refused.map((r) => `“${r.name}”: ${r.reason.en}`).join('; ')}. None of the batch was filed` },
      { issues: refused.map((r) => ({ path: r.name, message: r.reason.zh, messageEn: r.reason.en })) },
    );
  }
  const sheets = files.filter(isSheet);
  const scans = files.flatMap((file) => (file.analysis.kind === 'scan' && !isSheet(file) ? [{ ...file, address: file.analysis.address }] : []));
  const outcome = emptyFiling();
  const { names: _names, ...target } = input;
  if (scans.length > 0) await fileBatch(ctx, inbox, target, scans, outcome);
  takeOut(ctx, inbox, sheets, outcome);
  outcome.sheets.push(...sheets.map((sheet) => sheet.name));
  return outcome;
}
