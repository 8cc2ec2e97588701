import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext } from '../../context';
import { requireScanInbox } from '../../inbox/inbox-registry';

/**
 * Removes files from the watched folder that are not to be filed (inbox:discard): a misfeed, a file
 * that is not a scan. They are the scanner's plain files, not the archive's; the removal is audited.
 */
export function discardFromInbox(ctx: HandlerContext, names: readonly string[]): { discarded: string[] } {
  const inbox = requireScanInbox(ctx.session());
  const files = names.map((name) => {
    const file = inbox.find(name);
    if (!file) throw new AppError('NOT_FOUND', { zh: `扫描收件箱中没有“${name}”`, en: `The scan inbox has no “${name}”` });
    return file;
  });
  return ctx.write(
    () => {
      for (const file of files) {
        rmSync(join(inbox.folder, file.name), { force: true });
        inbox.forget(file);
      }
      return { discarded: files.map((file) => file.name) };
    },
    ({ discarded }) => ({ action: 'inbox:discard', target: { type: 'scan-inbox', id: inbox.folder }, summary: { files: discarded } }),
  );
}
