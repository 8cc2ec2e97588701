import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Progress, Select, Space, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importEncodings, type ImportCheck, type ImportEncoding, type ImportPreview, type ImportProgress, type ImportResult, type ImportTarget } from '../../../../shared/contract';
import { useSession } from '../../app/SessionProvider';
import { call, desktopFileDialog, errorText } from '../../lib/api';
import { saveExport } from '../../lib/download';
import { acceptFor, pickAndStageFile, stageFile } from '../../lib/stage-file';
import { useChannel } from '../../lib/use-channel';
import { useFileableDepartments } from '../../lib/use-fileable-departments';
import { ImportProblems } from './ImportProblems';
import { targetOf, targetOptions, targetValue } from './target-options';

const encodingLabel: Record<ImportEncoding, string> = { 'utf-8': 'UTF-8', gb18030: 'GBK / GB18030' };

/**
 * Choose a file (uploaded in pieces, never by path) and a type, check the column mapping against a
 * sample, check every row (nothing written; problems listed and downloadable), then import – all
 * rows in one transaction, or, when asked, the good rows with the others reported – with progress
 * and a cancel that leaves nothing behind.
 */
export function ImportWizard({ onClose, onImported, onRunning }: { onClose: () => void; onImported: () => void; onRunning: (running: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const english = i18n.language === 'en';
  const types = useChannel('type:list', {});
  const { departments } = useFileableDepartments();
  const fileInput = useRef<HTMLInputElement>(null);
  const upload = useRef<AbortController | null>(null);
  const [typeKey, setTypeKey] = useState('vehicle-new');
  const [departmentCode, setDepartmentCode] = useState<string | undefined>(session?.user.department?.code);
  const [uploaded, setUploaded] = useState<number | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [stagedFileId, setStagedFileId] = useState<string | null>(null);
  const [encoding, setEncoding] = useState<ImportEncoding | undefined>(undefined);
  const [mapping, setMapping] = useState<Record<string, ImportTarget>>({});
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const type = types.data?.find((ty) => ty.key === typeKey);
  const plan = preview ? { importId: preview.importId, typeKey, mapping, ...(encoding ? { encoding } : {}), ...(departmentCode ? { departmentCode } : {}) } : null;
  const running = progress !== null && !['done', 'failed', 'cancelled'].includes(progress.phase);

  /** Runs a step; its failure is shown in the dialog, not in a toast that vanishes. */
  const step = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError')) setFailure(errorText(error, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  const suggest = async (importId: string, key: string) => setMapping(await call('import:suggest-mapping', { importId, typeKey: key }));

  /** Opens the staged file (again, with another encoding: nothing is uploaded twice). */
  const openStaged = async (id: string, chosen?: ImportEncoding) => {
    const opened = await call('import:open', { stagedFileId: id, ...(chosen ? { encoding: chosen } : {}) });
    if (preview) void call('import:close', { importId: preview.importId });
    setPreview(opened);
    setStagedFileId(id);
    setEncoding(opened.encoding ?? undefined);
    setCheck(null);
    setResult(null);
    setProgress(null);
    await suggest(opened.importId, typeKey);
  };

  const uploadFile = (file: File) =>
    step(async () => {
      upload.current = new AbortController();
      setUploaded(0);
      try {
        const staged = await stageFile(file, 'import', { onProgress: (sent, total) => setUploaded(total > 0 ? Math.floor((sent / total) * 100) : 100), signal: upload.current.signal });
        await openStaged(staged.stagedFileId);
      } finally {
        setUploaded(null);
        upload.current = null;
      }
    });

  const chooseFile = () => {
    // The desktop app's own dialog stages the file in the main process; a browser uploads it from the page.
    if (!desktopFileDialog()) {
      fileInput.current?.click();
      return;
    }
    void step(async () => {
      const staged = await pickAndStageFile('import');
      if (staged) await openStaged(staged.stagedFileId);
    });
  };

  useEffect(() => onRunning(running), [running, onRunning]);

  // However the dialog is left, the staged file and the opened import go with it.
  const opened = useRef<{ importId: string | null; stagedFileId: string | null }>({ importId: null, stagedFileId: null });
  useEffect(() => {
    opened.current = { importId: preview?.importId ?? null, stagedFileId };
  }, [preview, stagedFileId]);
  useEffect(
    () => () => {
      upload.current?.abort();
      const { importId, stagedFileId: staged } = opened.current;
      if (importId) void call('import:close', { importId });
      else if (staged) void call('staging:discard', { stagedFileId: staged });
    },
    [],
  );

  useEffect(() => {
    if (!running || !preview) return undefined;
    const timer = setInterval(() => void call('import:progress', { importId: preview.importId }).then(setProgress, () => undefined), 300);
    return () => clearInterval(timer);
  }, [running, preview]);

  const runImport = (skipBadRows: boolean) =>
    step(async () => {
      if (!plan) return;
      setProgress({ phase: 'checking', done: 0, total: check?.rowCount ?? 0 });
      try {
        const imported = await call('import:run', { ...plan, skipBadRows });
        setResult(imported);
        setProgress({ phase: 'done', done: imported.imported, total: imported.imported });
        onImported();
      } catch (error) {
        setProgress((p) => (p ? { ...p, phase: 'failed' } : p));
        throw error;
      }
    });

  const report = () =>
    void step(async () => {
      if (plan) saveExport(await call('import:report', plan));
    });


  const percent = progress && progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;
  const columns = (preview?.headers ?? []).map((header, index) => ({ title: header, key: String(index), render: (_: unknown, row: string[]) => row[index] ?? '' }));
  const goodRows = check ? check.rowCount - check.badRows : 0;

  return (
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
            if (preview) void step(() => suggest(preview.importId, key));
          }}
        />
        <Select
          value={departmentCode}
          className="type-select"
          data-testid="import-department"
          disabled={running}
          placeholder={t('dossier.department')}
          options={departments.map((d) => ({ value: d.code, label: `${t('importer.into')}${d.name}（${d.code}）` }))}
          onChange={(code: string) => {
            setDepartmentCode(code);
            setCheck(null);
          }}
        />
        <input
          ref={fileInput}
          type="file"
          accept={acceptFor('import')}
          hidden
          data-testid="import-file"
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            e.target.value = '';
            if (chosen) void uploadFile(chosen);
          }}
        />
        <Button icon={<UploadOutlined />} onClick={chooseFile} disabled={running || uploaded !== null} loading={busy && !preview}>
          {t('importer.chooseFile')}
        </Button>
        {preview && (
          <Typography.Text data-testid="import-file-info">
            {preview.fileName} · {t('importer.rows', { count: preview.rowCount })}
          </Typography.Text>
        )}
        {preview?.format === 'csv' && stagedFileId && (
          <Select
            value={encoding}
            className="encoding-select"
            disabled={running}
            options={importEncodings.map((e) => ({ value: e, label: `${encodingLabel[e]}${preview.detectedEncoding === e ? `（${t('importer.detected')}）` : ''}` }))}
            onChange={(next: ImportEncoding) => void step(() => openStaged(stagedFileId, next))}
          />
        )}
      </Flex>
      {uploaded !== null && (
        <Flex gap="small" align="center" data-testid="import-upload">
          <Typography.Text>{t('importer.uploading')}</Typography.Text>
          <Progress percent={uploaded} className="grow" />
          <Button size="small" onClick={() => upload.current?.abort()}>
            {t('common.cancel')}
          </Button>
        </Flex>
      )}
      {failure && <Alert type="error" showIcon title={failure} data-testid="import-error" closable onClose={() => setFailure(null)} />}
      {preview && (
        <>
          <Typography.Text strong>{t('importer.sample')}</Typography.Text>
          <Table<string[]> size="small" pagination={false} scroll={{ x: true }} rowKey={(_, i) => String(i)} dataSource={preview.sample.slice(0, 5)} columns={columns} data-testid="import-sample" />
          <Typography.Text strong>{t('importer.mapping')}</Typography.Text>
          <Flex gap="small" wrap>
            {preview.headers.map((header) => (
              <Flex key={header} vertical className="mapping-cell">
                <Typography.Text type="secondary" ellipsis={{ tooltip: header }}>
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
          <Flex gap="small" wrap>
            <Button
              onClick={() =>
                void step(async () => {
                  if (plan) setCheck(await call('import:check', plan));
                })
              }
              loading={busy && !running}
              disabled={running}
              data-testid="import-check"
            >
              {t('importer.check')}
            </Button>
            {check && check.badRows === 0 && !result && (
              <Button type="primary" onClick={() => void runImport(false)} disabled={running} data-testid="import-run">
                {t('importer.run', { count: check.rowCount })}
              </Button>
            )}
            {check && check.badRows > 0 && goodRows > 0 && !result && (
              <Button onClick={() => void runImport(true)} disabled={running} data-testid="import-run-good">
                {t('importer.runGood', { good: goodRows, bad: check.badRows })}
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
      {check && check.badRows > 0 && !result && (
        <ImportProblems type="error" title={t('importer.checkFailed', { bad: check.badRows, problems: check.problemCount })} problems={check.problems} onReport={report} testId="import-check-result" />
      )}
      {progress && (
        <div data-testid="import-progress">
          <Typography.Text>{t(`importer.phase_${progress.phase}`)}</Typography.Text>
          <Progress percent={progress.phase === 'done' ? 100 : percent} status={progress.phase === 'failed' || progress.phase === 'cancelled' ? 'exception' : progress.phase === 'done' ? 'success' : 'active'} />
        </div>
      )}
      {result && (
        <Alert
          type="success"
          showIcon
          title={t('importer.done', { count: result.imported, first: result.firstNumber ?? '', last: result.lastNumber ?? '' })}
          description={t('importer.customers', { created: result.customers.created, linked: result.customers.linked })}
          data-testid="import-result"
        />
      )}
      {result && result.skipped > 0 && <ImportProblems type="warning" title={t('importer.skipped', { count: result.skipped, problems: result.problemCount })} problems={result.problems} onReport={report} testId="import-skipped" />}
      <Flex justify="flex-end">
        <Button onClick={onClose} disabled={running} data-testid="import-close">
          {result ? t('importer.finish') : t('common.cancel')}
        </Button>
      </Flex>
    </Space>
  );
}
