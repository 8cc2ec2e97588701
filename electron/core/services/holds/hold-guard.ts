import type { Db } from '../../../../db/open';
import { holdsInForce } from '../../../../db/repositories/legal-hold-register';
import { AppError } from '../../../../shared/errors';

/**
 * The one check every act a legal hold forbids goes through (appraisal, disposal, removing pages):
 * refused with LEGAL_HOLD, naming the held archive numbers, when any of these dossiers is held.
 */
export function requireNotHeld(db: Db, dossiers: readonly { id: number; archiveNumber: string }[]): void {
  const held = new Set(holdsInForce(db, dossiers.map((dossier) => dossier.id)).map((hold) => hold.dossierId));
  if (held.size === 0) return;
  const numbers = dossiers.filter((dossier) => held.has(dossier.id)).map((dossier) => dossier.archiveNumber);
  const shown = numbers.slice(0, 5).join('、') + (numbers.length > 5 ? ` …（共 ${numbers.length} 份）` : '');
  const shownEn = numbers.slice(0, 5).join(', ') + (numbers.length > 5 ? ` … (${numbers.length} in all)` : '');
  throw new AppError('LEGAL_HOLD', {
    zh: `档案 ${shown} 处于诉讼保全中，解除保全之前不能鉴定、销毁或移除页面`,
    en: `Dossier ${shownEn} is under legal hold: it cannot be appraised, destroyed or have pages removed until the hold is lifted`,
  });
}
