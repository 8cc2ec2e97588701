import type { labelContract } from '../../../shared/contract/label';
import { printCoverSheets, printLabels, printSeparatorSheet } from '../services/labels/labels';
import type { HandlersFor } from './types';

export const labelHandlers: HandlersFor<typeof labelContract> = {
  'label:print': (ctx, input) => printLabels(ctx, input),
  'label:cover-sheets': (ctx, input) => printCoverSheets(ctx, input),
  'label:separator-sheet': () => printSeparatorSheet(),
};
