import type { importContract } from '../../../shared/contract';
import { checkImport, importReport, runImport } from '../services/import/run-import';
import { cancelImport, closeImport, importProgress, openImport, suggestImportMapping } from '../services/import/staged-files';
import type { HandlersFor } from './types';

export const importHandlers: HandlersFor<typeof importContract> = {
  'import:open': (ctx, input) => openImport(ctx, input),
  'import:suggest-mapping': (ctx, input) => suggestImportMapping(ctx, input),
  'import:check': (ctx, input) => checkImport(ctx, input),
  'import:report': (ctx, input) => importReport(ctx, input),
  'import:run': (ctx, input) => runImport(ctx, input),
  'import:progress': (ctx, input) => importProgress(ctx, input.importId),
  'import:cancel': (ctx, input) => cancelImport(ctx, input.importId),
  'import:close': (ctx, input) => closeImport(ctx, input.importId),
};
