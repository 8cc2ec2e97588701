import { ArrowLeftOutlined, FileExcelOutlined, FilePdfOutlined, FlagOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Input, Space, Spin, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StocktakeScanView } from '../../../../shared/contract';
import { useCan } from '../../app/ArchiveSettings';
import { call, errorText } from '../../lib/api';
import { saveExport } from '../../lib/download';
import { formatDateTime } from '../../lib/format';
import { useAttempt } from '../../lib/use-attempt';
import { useChannel } from '../../lib/use-channel';
import { StocktakeLists } from './StocktakeLists';
import { StocktakeTotals } from './StocktakeTotals';
import { outcomeTone, placeWords, scanSentence } from './scan-words';

/**
 * One stocktake: the scanner gun types into the scan box and presses Enter; each scan is answered
 * at once (what it found, the totals), the lists follow. Finish closes it for good and may move
 * the misplaced dossiers here; the report downloads as PDF or .xlsx.
 */
export function StocktakeDesk({ id, onBack }: { id: number; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { modal } = App.useApp();
  const { attempt, busy } = useAttempt();
  const stocktake = useChannel('stocktake:get', { id });
  const [code, setCode] = useState('');
  const [said, setSaid] = useState<{ scan: StocktakeScanView } | { failure: string } | null>(null);
  const box = useRef<InputRef>(null);
  const view = stocktake.data;
  const open = view !== undefined && view.finishedAt === null;
  const keeps = can('register.keep');

  useEffect(() => {
    if (open) box.current?.focus();
  }, [open]);

  const scan = async () => {
    const typed = code.trim();
    setCode('');
    if (!typed) return;
    try {
      const reply = await call('stocktake:scan', { id, code: typed });
      setSaid({ scan: reply.scan });
    } catch (failure) {
      setSaid({ failure: errorText(failure, i18n.language) });
    }
    stocktake.reload();
  };

  const finish = () => {
    if (!view) return;
    let correct = view.totals.misplaced > 0 && can('dossier.edit');
    modal.confirm({
      title: t('stocktake.finishTitle', { id }),
      content: (
        <Space direction="vertical">
          <span>{t('stocktake.finishText', { missing: view.totals.missing })}</span>
          {view.totals.misplaced > 0 && can('dossier.edit') && (
            <Checkbox defaultChecked data-testid="correct-locations" onChange={(e) => (correct = e.target.checked)}>
              {t('stocktake.correct', { count: view.totals.misplaced, place: placeWords(view.place, t) })}
            </Checkbox>
          )}
        </Space>
      ),
      okText: t('stocktake.finish'),
      cancelText: t('common.cancel'),
      onOk: () => attempt(async () => {
        await call('stocktake:finish', { id, correctLocations: correct });
        stocktake.reload();
      }, t('stocktake.done')),
    });
  };

  const report = (format: 'pdf' | 'xlsx') => attempt(async () => saveExport(await call('stocktake:report', { id, format })));

  if (!view) return stocktake.error ? <Alert type="error" message={errorText(stocktake.error, i18n.language)} /> : <Spin />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="stocktake-desk">
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
          {t('stocktake.back')}
        </Button>
        <Typography.Text strong data-testid="stocktake-place">
          {t('stocktake.number')} {view.id} · {placeWords(view.place, t)}
        </Typography.Text>
        <Typography.Text type="secondary">
          {view.finishedAt ? t('stocktake.finishedNote', { at: formatDateTime(view.finishedAt), by: view.finishedBy ?? '' }) : t('stocktake.open')}
          {view.corrected ? ` · ${t('stocktake.correctedNote', { count: view.corrected })}` : ''}
        </Typography.Text>
      </Space>
      {open && keeps && (
        <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
          <Input
            ref={box}
            size="large"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            onPressEnter={() => void scan()}
            placeholder={t('stocktake.scanPlaceholder')}
            aria-label={t('stocktake.scanLabel')}
            data-testid="stocktake-scan"
            autoComplete="off"
          />
        </Space.Compact>
      )}
      {said && ('scan' in said ? <Alert showIcon type={outcomeTone[said.scan.outcome]} message={scanSentence(said.scan, t, formatDateTime)} description={said.scan.title ?? undefined} data-testid="stocktake-said" /> : <Alert showIcon type="error" message={said.failure} data-testid="stocktake-said" />)}
      <StocktakeTotals totals={view.totals} />
      <Space wrap>
        {open && keeps && (
          <Button type="primary" icon={<FlagOutlined />} onClick={finish} loading={busy} data-testid="stocktake-finish">
            {t('stocktake.finish')}
          </Button>
        )}
        <Button icon={<FilePdfOutlined />} onClick={() => void report('pdf')} data-testid="stocktake-report-pdf">
          {t('stocktake.reportPdf')}
        </Button>
        <Button icon={<FileExcelOutlined />} onClick={() => void report('xlsx')} data-testid="stocktake-report-xlsx">
          {t('stocktake.reportXlsx')}
        </Button>
      </Space>
      <StocktakeLists view={view} />
    </Space>
  );
}
