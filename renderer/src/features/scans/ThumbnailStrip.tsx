import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentScans } from '../../../../shared/contract';
import { PageThumbnail, type PageDrag } from './PageThumbnail';
import { reorderedPages } from './page-order';
import { useScanDesk } from './scan-desk';

/** A document's pages in order; an editor reorders them by dragging one onto another's place. */
export function ThumbnailStrip({ document }: { document: DocumentScans }) {
  const { t } = useTranslation();
  const desk = useScanDesk();
  const [dragged, setDragged] = useState<number | null>(null);
  if (document.pages.length === 0) return <div className="scan-strip-empty muted">{t('scans.noPages')}</div>;
  const reorderable = desk.editable && !desk.editing && document.pages.length > 1;
  const dragOf = (pageId: number): PageDrag | null =>
    reorderable
      ? {
          dragging: dragged === pageId,
          onDragStart: () => setDragged(pageId),
          onDragEnd: () => setDragged(null),
          accepts: dragged !== null && dragged !== pageId,
          onDrop: () => {
            const order = dragged === null ? null : reorderedPages(document.pages, dragged, pageId);
            setDragged(null);
            if (order) desk.reorder(document.documentId, order);
          },
        }
      : null;
  return (
    <div className="scan-strip" data-testid={`scan-strip-${document.documentId}`}>
      {document.pages.map((page) => (
        <PageThumbnail key={page.id} page={page} drag={dragOf(page.id)} />
      ))}
    </div>
  );
}
