import { ArrowLeftOutlined, FilePdfOutlined, FlagOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, List, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingView, InspectionView, RepairView } from '../../../../shared/contract';
import { useCan } from '../../app/ArchiveSettings';
import { call, errorText } from '../../lib/api';
import { saveExport } from '../../lib/download';
import { formatDateTime } from '../../lib/format';
import { useAttempt } from '../../lib/use-attempt';
import { useChannel } from '../../lib/use-channel';
import { ChecklistCard } from './ChecklistCard';
import { ChecklistDialog } from './ChecklistDialog';
import { FindingDialog } from './FindingDialog';
import { FindingItem } from './FindingItem';
import { FinishDialog } from './FinishDialog';
import { placeLabel } from './inspection-words';
import { RepairOrderDialog } from './RepairOrderDialog';
import { RepairOutcomeDialog } from './RepairOutcomeDialog';

type Dialog = { kind: 'checklist' } | { kind: 'finding'; finding: FindingView | null } | { kind: 'finish' } | { kind: 'order'; finding: FindingView } | { kind: 'outcome'; repair: RepairView } | null;

/**
 * One inspection record (保管检查记录): while open, the checklist and the findings with their
 * photos are filled in; finished, it is a register entry, and repairs are ordered and recorded.
 */
export function InspectionDesk({ id, onBack }: { id: number; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const keeps = useCan()('register.keep');
  const { attempt, busy } = useAttempt();
  const loaded = useChannel('inspection:get', { id });
  const [changed, setChanged] = useState<InspectionView | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const view = changed ?? loaded.data;
  if (!view) return loaded.error ? <Alert type="error" title={errorText(loaded.error, i18n.language)} /> : <Spin />;
  const open = view.finishedAt === null;
  const saved = (next: InspectionView) => {
    setChanged(next);
    setDialog(null);
  };
  const print = () => attempt(async () => saveExport(await call('inspection:print', { id })));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="inspection-desk">
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
          {t('inspections.back')}
        </Button>
        <Typography.Text strong data-testid="inspection-place">
          {t('inspections.number')} {view.id} · {placeLabel(view.place, t)}
        </Typography.Text>
        <Typography.Text type="secondary" data-testid="inspection-state">
          {open ? t('inspections.openNote', { at: formatDateTime(view.startedAt), by: view.startedBy }) : t('inspections.finishedNote', { on: view.inspectedOn ?? '', by: view.inspectors.join('、') })}
        </Typography.Text>
      </Space>
      <ChecklistCard checks={view.checks} {...(open && keeps ? { onEdit: () => setDialog({ kind: 'checklist' }) } : {})} />
      <Card
        size="small"
        title={t('inspections.findingsTitle')}
        data-testid="inspection-findings"
        extra={
          open &&
          keeps && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'finding', finding: null })} data-testid="add-finding">
              {t('inspections.addFinding')}
            </Button>
          )
        }
      >
        {view.findingList.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspections.noFindings')} />
        ) : (
          <List
            dataSource={view.findingList}
            renderItem={(finding) => (
              <List.Item>
                <FindingItem
                  finding={finding}
                  editable={open && keeps}
                  repairable={!open && keeps}
                  onChanged={saved}
                  onEdit={() => setDialog({ kind: 'finding', finding })}
                  onOrder={() => setDialog({ kind: 'order', finding })}
                  onOutcome={(repair) => setDialog({ kind: 'outcome', repair })}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Space wrap>
        {open && keeps && (
          <Button type="primary" icon={<FlagOutlined />} onClick={() => setDialog({ kind: 'finish' })} data-testid="inspection-finish">
            {t('inspections.finish')}
          </Button>
        )}
        <Button icon={<FilePdfOutlined />} loading={busy} onClick={() => void print()} data-testid="inspection-print">
          {t('inspections.print')}
        </Button>
      </Space>
      <ChecklistDialog inspection={view} open={dialog?.kind === 'checklist'} onClose={() => setDialog(null)} onSaved={saved} />
      <FindingDialog inspection={view} finding={dialog?.kind === 'finding' ? dialog.finding : null} open={dialog?.kind === 'finding'} onClose={() => setDialog(null)} onSaved={saved} />
      <FinishDialog inspection={view} open={dialog?.kind === 'finish'} onClose={() => setDialog(null)} onSaved={saved} />
      <RepairOrderDialog finding={dialog?.kind === 'order' ? dialog.finding : null} onClose={() => setDialog(null)} onSaved={saved} />
      <RepairOutcomeDialog repair={dialog?.kind === 'outcome' ? dialog.repair : null} onClose={() => setDialog(null)} onSaved={saved} />
    </Space>
  );
}
