import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Progress, Select, Space, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importEncodings, type ImportCheck, type ImportEncoding, type ImportPreview, type ImportProblem, type ImportProgress, type ImportResult, type ImportTarget } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { useAttempt } from '../../lib/use-attempt';
import { saveExport } from '../../lib/download';
import { useChannel } from '../../lib/use-channel';
import { targetOf, targetOptions, targetValue } from './target-options';

interface Props {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}

const encodingLabel: Record<ImportEncoding, string> = { 'utf-8': 'UTF-8', gb18030: 'GBK / GB18030' };

/**
 * The import wizard: choose a file and a type, check the column mapping against a sample, check
 * every row (nothing written; problems listed and downloadable), then import all rows in one
 * transaction – with progress, and a cancel that leaves nothing behind.
 */
export function ImportDialog({ open, onClose, onImported }: Props) {
  const { t, i18n } = useTranslation();
  const { attempt, busy } = useAttempt();
  const english = i18n.language === 'en';
  const types = useChannel('type:list', {}, open);
  const fileInput = useRef<HTMLInputElement>(null);
  const [typeKey, setTypeKey] = useState('vehicle-new');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [encoding, setEncoding] = useState<ImportEncoding | undefined>(undefined);
  const [mapping, setMapping] = useState<Record<string, ImportTarget>>({});
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const type = types.data?.find((ty) => ty.key === typeKey);
  const plan = preview ? { importId: preview.importId, typeKey, mapping, ...(encoding ? { encoding } : {}) } : null;
  const running = progress !== null && !['done', 'failed', 'cancelled'].includes(progress.phase);


  const suggest = async (importId: string, key: string) => setMapping(await call('import:suggest-mapping', { importId, typeKey: key }));

  const openFile = (file: File, chosen?: ImportEncoding) =>
    attempt(async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const opened = await call('import:open', { source: { name: file.name, bytes }, ...(chosen ? { encoding: chosen } : {}) });
      if (preview) void call('import:close', { importId: preview.importId });
      setPreview(opened);
      setEncoding(opened.encoding ?? undefined);
      setCheck(null);
      setResult(null);
      setProgress(null);
      await suggest(opened.importId, typeKey);
    });

  const [file, setFile] = useState<File | null>(null);

  useEffect(() => {
    if (!running || !preview) return undefined;
    const timer = setInterval(() => void call('import:progress', { importId: preview.importId }).then(setProgress, () => undefined), 300);
    return () => clearInterval(timer);
  }, [running, preview]);

  const runImport = () =>
    attempt(async () => {
      if (!plan) return;
      setProgress({ phase: 'checking', done: 0, total: check?.rowCount ?? 0 });
      try {
        const imported = await call('import:run', plan);
        setResult(imported);
        setProgress({ phase: 'done', done: imported.imported, total: imported.imported });
        onImported();
      } catch (failure) {
        setProgress((p) => (p ? { ...p, phase: 'failed' } : p));
        throw failure;
      }
    });

  const close = () => {
    if (running) return;
    if (preview) void call('import:close', { importId: preview.importId });
    setPreview(null);
    setCheck(null);
    setResult(null);
    setProgress(null);
    setFile(null);
    onClose();
  };

  const percent = progress && progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;
  const columns = (preview?.headers ?? []).map((header, index) => ({ title: header, key: String(index), render: (_: unknown, row: string[]) => row[index] ?? '' }));

  return (
    <Modal open={open} width={980} title={t('importer.title')} onCancel={close} footer={null} destroyOnHidden maskClosable={false}>
      <Space direction="vertical" size="middle" className="full-width">
        <Flex gap="middle" align="center" wrap>
          <Select
            value={typeKey}
            className="type-select"
            data-testid="import-type"
            disabled={running}
            options={(types.data ?? []).map((ty) => ({ value: ty.key, label: english && ty.nameEn ? ty.nameEn : ty.name }))}
            onChange={(key: string) => {
              setTypeKey(key);
              setCheck(null);
              if (preview) void attempt(() => suggest(preview.importId, key));
            }}
          />
          <input
            ref={fileInput}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hidden
            data-testid="import-file"
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              e.target.value = '';
              if (chosen) {
                setFile(chosen);
                void openFile(chosen);
              }
            }}
          />
          <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()} disabled={running} loading={busy && !preview}>
            {t('importer.chooseFile')}
          </Button>
          {preview && (
            <Typography.Text data-testid="import-file-info">
              {preview.fileName} · {t('importer.rows', { count: preview.rowCount })}
            </Typography.Text>
          )}
          {preview?.format === 'csv' && (
            <Select
              value={encoding}
              className="encoding-select"
              disabled={running}
              options={importEncodings.map((e) => ({ value: e, label: `${encodingLabel[e]}${preview.detectedEncoding === e ? `（${t('importer.detected')}）` : ''}` }))}
              onChange={(next: ImportEncoding) => {
                setEncoding(next);
                if (file) void openFile(file, next);
              }}
            />
          )}
        </Flex>
        {preview && (
          <>
            <Typography.Text strong>{t('importer.sample')}</Typography.Text>
            <Table<string[]> size="small" pagination={false} scroll={{ x: true }} rowKey={(_, i) => String(i)} dataSource={preview.sample.slice(0, 5)} columns={columns} data-testid="import-sample" />
            <Typography.Text strong>{t('importer.mapping')}</Typography.Text>
            <Flex gap="small" wrap>
              {preview.headers.map((header) => (
                <Flex key={header} vertical className="mapping-cell">
                  <Typography.Text type="secondary" ellipsis>
                    {header}
                  </Typography.Text>
                  <Select
                    size="small"
                    value={targetValue(mapping[header] ?? { kind: 'ignore' })}
                    disabled={running || !type}
                    options={type ? targetOptions(type, english, t('importer.ignore')) : []}
                    data-testid={`mapping-${header}`}
                    onChange={(value: string) => {
                      setMapping({ ...mapping, [header]: targetOf(value) });
                      setCheck(null);
                    }}
                  />
                </Flex>
              ))}
            </Flex>
            <Flex gap="small">
              <Button onClick={() => void attempt(async () => {
                if (plan) setCheck(await call('import:check', plan));
              })} loading={busy && !running} disabled={running} data-testid="import-check">
                {t('importer.check')}
              </Button>
              {check && check.badRows === 0 && !result && (
                <Button type="primary" onClick={() => void runImport()} disabled={running} data-testid="import-run">
                  {t('importer.run', { count: check.rowCount })}
                </Button>
              )}
              {running && preview && (
                <Button danger onClick={() => void call('import:cancel', { importId: preview.importId })} data-testid="import-cancel">
                  {t('importer.cancel')}
                </Button>
              )}
            </Flex>
          </>
        )}
        {check && check.badRows === 0 && !result && !running && <Alert type="success" showIcon title={t('importer.checkPassed', { count: check.rowCount })} data-testid="import-check-result" />}
        {check && check.badRows > 0 && (
          <>
            <Alert
              type="error"
              showIcon
              title={t('importer.checkFailed', { bad: check.badRows, problems: check.problemCount })}
              data-testid="import-check-result"
              action={
                <Button size="small" icon={<DownloadOutlined />} onClick={() => void attempt(async () => {
                    if (plan) saveExport(await call('import:report', plan));
                  })}>
                  {t('importer.report')}
                </Button>
              }
            />
            <Table<ImportProblem>
              size="small"
              rowKey={(p, i) => `${p.row}-${String(i)}`}
              dataSource={check.problems}
              pagination={{ pageSize: 8, showSizeChanger: false }}
              data-testid="import-problems"
              columns={[
                { title: t('importer.row'), dataIndex: 'row', width: 70 },
                { title: t('importer.column'), dataIndex: 'column', width: 160, render: (v: string | null) => v ?? '' },
                { title: t('importer.problem'), render: (_, p) => (english ? p.messageEn : p.message) },
              ]}
            />
          </>
        )}
        {progress && (
          <div data-testid="import-progress">
            <Typography.Text>{t(`importer.phase_${progress.phase}`)}</Typography.Text>
            <Progress percent={progress.phase === 'done' ? 100 : percent} status={progress.phase === 'failed' || progress.phase === 'cancelled' ? 'exception' : progress.phase === 'done' ? 'success' : 'active'} />
          </div>
        )}
        {result && <Alert type="success" showIcon title={t('importer.done', { count: result.imported, first: result.firstNumber ?? '', last: result.lastNumber ?? '' })} data-testid="import-result" />}
      </Space>
    </Modal>
  );
}
