import { Alert, App, Empty, Flex, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierDetail, DossierScans } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { useAttempt } from '../../lib/use-attempt';
import { AddScansButton } from './AddScansButton';
import { DocumentScansCard } from './DocumentScansCard';
import { FileDropZone } from './FileDropZone';
import { FilingStatus } from './FilingStatus';
import { DOSSIER_TARGET } from './filing-target';
import { filingMessage } from './filing-message';
import { ItemSection } from './ItemSection';
import { MovePagesDialog } from './MovePagesDialog';
import { RemovePagesDialog } from './RemovePagesDialog';
import { ScanDeskContext, type ScanDesk } from './scan-desk';
import { ScanViewer } from './ScanViewer';
import { dossierPageCount, groupScans } from './scan-groups';
import { SelectionBar } from './SelectionBar';
import type { DossierScansState } from './use-dossier-scans';
import { useScanFiling } from './use-scan-filing';
import './scans.css';

interface Props {
  dossier: DossierDetail;
  scans: DossierScansState;
  editable: boolean;
  /** Filing, moving and removing pages change the documents' page counts and the completeness. */
  onDossierChanged: (detail: DossierDetail) => void;
}

/** The dossier's scans under its checklist: filing files, thumbnails, the viewer, editing pages. */
export function ScansTab({ dossier, scans, editable, onDossierChanged }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { attempt, busy } = useAttempt();
  const [viewing, setViewing] = useState<number | null>(null);
  const [selection, setSelection] = useState<ReadonlySet<number>>(new Set());
  const [dialog, setDialog] = useState<'move' | 'remove' | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const { archiveNumber } = dossier;

  const refreshDossier = () => void call('dossier:get', { archiveNumber }).then(onDossierChanged, () => undefined);
  const filing = useScanFiling(archiveNumber, (filed) => {
    void message.success(filingMessage(t, filed, i18n.language === 'en'), 6);
    scans.reload();
    refreshDossier();
  });
  const edited = (next: DossierScans, done: string) => {
    scans.replace(next);
    setSelection(new Set());
    setDialog(null);
    refreshDossier();
    void message.success(done);
  };

  const data = scans.data;
  if (!data) return scans.error ? <Alert type="error" showIcon title={scans.error.text(i18n.language)} /> : <Spin className="scan-loading" />;

  // Pages selected before an edit that took them away are no longer selected.
  const selected = data.documents.flatMap((d) => d.pages.map((p) => p.id)).filter((id) => selection.has(id));
  const desk: ScanDesk = {
    editable,
    filing,
    hovered,
    hover: setHovered,
    selected: new Set(selected),
    toggle: (pageId) => setSelection((current) => (current.has(pageId) ? new Set([...current].filter((id) => id !== pageId)) : new Set([...current, pageId]))),
    view: setViewing,
    reorder: (documentId, order) => void attempt(async () => scans.replace(await call('scan:reorder', { documentId, order }))),
    editing: busy,
  };
  const groups = groupScans(dossier.checklist, data.documents);

  return (
    <ScanDeskContext.Provider value={desk}>
      <FileDropZone target={DOSSIER_TARGET} className="scan-tab">
        <Flex gap="small" align="center" className="scan-toolbar">
          <Typography.Text strong data-testid="scan-total">
            {t('scans.total', { count: dossierPageCount(data) })}
          </Typography.Text>
          {editable && <Typography.Text type="secondary">{t('scans.dropHint')}</Typography.Text>}
          <span className="scan-grow" />
          <AddScansButton target={DOSSIER_TARGET} primary />
        </Flex>
        <FilingStatus filing={filing} />
        <SelectionBar count={selected.length} busy={busy} onMove={() => setDialog('move')} onRemove={() => setDialog('remove')} onClear={() => setSelection(new Set())} />
        {groups.items.map((item) => (
          <ItemSection key={item.status.item.key} item={item} dossierLevel={dossier.level} />
        ))}
        {groups.others.length > 0 && groups.items.length > 0 && <h4 className="drawer-section">{t('scans.otherDocuments')}</h4>}
        {groups.others.map((document) => (
          <DocumentScansCard key={document.documentId} document={document} dossierLevel={dossier.level} />
        ))}
        {data.documents.length === 0 && groups.items.length === 0 && <Empty description={editable ? t('scans.noDocumentsEditable') : t('scans.noDocuments')} />}
      </FileDropZone>
      {viewing !== null && (
        <ScanViewer
          scans={data}
          pageId={viewing}
          classified={dossier.classified}
          onRotate={editable ? (pageId, rotation) => void attempt(async () => scans.replace(await call('scan:rotate', { pageId, rotation }))) : null}
          rotating={busy}
          onGo={setViewing}
          onClose={() => setViewing(null)}
        />
      )}
      <MovePagesDialog open={dialog === 'move'} scans={data} pageIds={selected} onClose={() => setDialog(null)} onMoved={(next) => edited(next, t('scans.moved', { count: selected.length }))} />
      <RemovePagesDialog open={dialog === 'remove'} pageIds={selected} onClose={() => setDialog(null)} onRemoved={(next) => edited(next, t('scans.removed', { count: selected.length }))} />
    </ScanDeskContext.Provider>
  );
}
