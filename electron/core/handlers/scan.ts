import type { scanContract } from '../../../shared/contract/scan';
import { addScans } from '../services/scans/add-scans';
import { scanPageImage } from '../services/scans/page-image';
import { movePages, removePages, reorderPages, rotatePage } from '../services/scans/scan-edits';
import { listScans, scanFile } from '../services/scans/scan-queries';
import type { HandlersFor } from './types';

export const scanHandlers: HandlersFor<typeof scanContract> = {
  'scan:add': (ctx, input) => addScans(ctx, input),
  'scan:list': (ctx, input) => listScans(ctx, input.archiveNumber),
  'scan:file': (ctx, input) => scanFile(ctx, input.pageId),
  'scan:page-image': (ctx, input) => scanPageImage(ctx, input),
  'scan:rotate': (ctx, input) => rotatePage(ctx, input),
  'scan:reorder': (ctx, input) => reorderPages(ctx, input),
  'scan:move': (ctx, input) => movePages(ctx, input),
  'scan:remove': (ctx, input) => removePages(ctx, input),
};
