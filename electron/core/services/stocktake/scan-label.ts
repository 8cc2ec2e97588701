import { findDossierIdByNumber, findDossierById } from '../../../../db/repositories/dossiers';
import { openLoanOfDossier } from '../../../../db/repositories/loans';
import { firstScanOf, insertScan, scansOf } from '../../../../db/repositories/stocktakes';
import type { StocktakeScanReply } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { scannedArchiveNumber } from '../../../../shared/stocktake-scan';
import type { HandlerContext } from '../../context';
import { visibilityOf } from '../access/visibility';
import { classifyScan } from './classify-scan';
import { placeScope } from './place-scope';
import { requireOpenStocktake } from './stocktake-access';
import { scanView, stocktakeTotals } from './stocktake-view';

/**
 * One scan, written as it comes (a stocktake left half-way is resumed where it stopped): the row
 * records what was found against the register at that moment, and is audited on the dossier it
 * names, so the dossier's history shows when it was last seen on the shelf. Per scan: a lookup by
 * archive number (its unique index), the open loan (loans_dossier_idx), the repeat check
 * (stocktake_scans_number_idx) – none grows with the archive.
 */
export function scanLabel(ctx: HandlerContext, input: { id: number; code: string }): StocktakeScanReply {
  const session = ctx.session();
  const { db } = session.archive.database;
  const archiveNumber = scannedArchiveNumber(input.code);
  if (archiveNumber === null) {
    throw new AppError('VALIDATION', { zh: `“${input.code}”不是档案标签（扫描封面、分隔页不能用于盘点）`, en: `"${input.code}" is not a dossier label (scan cover sheets and separators are not for stocktakes)` }, { issues: [{ path: 'code', message: '不是档案标签', messageEn: 'Not a dossier label' }] });
  }
  const record = requireOpenStocktake(db, input.id);
  const scope = placeScope(db, record.locationId);
  const written = ctx.write(
    (w) => {
      requireOpenStocktake(w, input.id);
      const dossierId = findDossierIdByNumber(w, archiveNumber);
      const dossier = dossierId === null ? null : findDossierById(w, dossierId);
      const loan = dossier?.status === 'on-loan' ? openLoanOfDossier(w, dossier.id) : null;
      const outcome = classifyScan(dossier, firstScanOf(w, record.id, archiveNumber) !== null, scope.covers);
      const at = ctx.env.now().toISOString();
      const id = insertScan(w, { stocktakeId: record.id, archiveNumber, dossierId, outcome, expectedLocationId: dossier?.locationId ?? null, loanId: loan?.id ?? null, scannedBy: session.record.id, scannedAt: at });
      return { id, dossier, outcome };
    },
    ({ dossier, outcome }) => ({
      action: 'stocktake:scan',
      // On the dossier, so the trail shows it only to readers who may see it; an unknown number on the stocktake.
      target: dossier ? { type: 'dossier', id: dossier.id, label: dossier.archiveNumber } : { type: 'stocktake', id: record.id },
      summary: { stocktake: record.id, place: scope.place.fullCode, outcome, ...(dossier ? {} : { archiveNumber }) },
    }),
  );
  const visibility = visibilityOf(db, session);
  const [scan] = scansOf(db, record.id, visibility, { newestFirst: true, scanId: written.id });
  if (!scan) throw new AppError('INTERNAL');
  return { scan: scanView(db, scope, scan, record.id), totals: stocktakeTotals(db, record, scope, visibility) };
}
