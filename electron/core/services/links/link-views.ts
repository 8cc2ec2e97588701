import { linksOf } from '../../../../db/repositories/links';
import { findDossiersByIds } from '../../../../db/repositories/dossiers';
import type { Db } from '../../../../db/open';
import type { DossierLinkView } from '../../../../shared/contract';
import { relationLabels } from '../../../../shared/dossier-links';
import type { ActiveSession } from '../../session';
import { visibilityOf } from '../access/visibility';
import { toDossierSummary } from '../dossiers/dossier-summary';

/** A dossier's cross-references as its page shows them – to dossiers the reader may see. */
export function linkViews(db: Db, session: ActiveSession, dossierId: number): DossierLinkView[] {
  const links = linksOf(db, dossierId, visibilityOf(db, session));
  const others = new Map(findDossiersByIds(db, links.map((l) => l.otherId)).map((r) => [r.id, toDossierSummary(db, r, session.settings.levels)]));
  return links.flatMap((link) => {
    const other = others.get(link.otherId);
    if (!other) return [];
    const labels = relationLabels[link.relation];
    const side = link.forward ? labels.forward : labels.backward;
    return [{
      id: link.id,
      relation: link.relation,
      label: side.zh,
      labelEn: side.en,
      rule: labels.rule,
      note: link.note,
      other: { archiveNumber: other.archiveNumber, title: other.title, typeName: other.type?.name ?? null, remark: other.remark },
      createdAt: link.createdAt,
      createdBy: link.createdBy,
    }];
  });
}
