import { FolderOpenOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Progress, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatByteLimit, type Restored, type StagedFileInfo } from '../../../../shared/contract';
import { call, errorText } from '../../lib/api';
import { loginRules } from '../../lib/login-rules';
import { pickAndStageFile } from '../../lib/stage-file';
import { RestoredArchive } from './RestoredArchive';

interface Progressing {
  sent: number;
  total: number;
}

/**
 * First run, 从备份恢复: a backup file staged for `restore` (the native dialog in the desktop app, an
 * upload in chunks with progress in a browser), opened with a login and password of the archive it
 * came from; then what was restored and the checks after it.
 */
export function RestoreFromBackup({ onRestored }: { onRestored: () => void }) {
  const { t, i18n } = useTranslation();
  const [staged, setStaged] = useState<StagedFileInfo | null>(null);
  const [progress, setProgress] = useState<Progressing | null>(null);
  const [restoring, setRestoring] = useState(false);
  // The failure itself, not its text: its words follow the language chosen afterwards.
  const [problem, setProblem] = useState<{ failure: unknown } | 'needFile' | null>(null);
  const [restored, setRestored] = useState<Restored | null>(null);
  const reading = useRef<AbortController | null>(null);

  const choose = async () => {
    const controller = new AbortController();
    reading.current = controller;
    setProblem(null);
    try {
      const file = await pickAndStageFile('restore', { signal: controller.signal, onProgress: (sent, total) => setProgress({ sent, total }) });
      if (file) {
        // The file chosen before is not needed any more: it goes from the staging area at once.
        if (staged) call('staging:discard', { stagedFileId: staged.stagedFileId }).catch(() => undefined);
        setStaged(file);
      }
    } catch (failure) {
      if (!controller.signal.aborted) setProblem({ failure });
    } finally {
      reading.current = null;
      setProgress(null);
    }
  };

  const restore = async (values: { login: string; password: string }) => {
    if (!staged) {
      setProblem('needFile');
      return;
    }
    setRestoring(true);
    setProblem(null);
    try {
      setRestored(await call('archive:restore', { stagedFileId: staged.stagedFileId, ...values }));
      onRestored();
    } catch (failure) {
      setProblem({ failure });
    } finally {
      setRestoring(false);
    }
  };

  if (restored) return <RestoredArchive restored={restored} />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('backup.restoreIntro')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem === 'needFile' ? t('backup.needFile') : errorText(problem.failure, i18n.language)} className="form-alert" data-testid="form-error" />}
      <Space orientation="vertical" style={{ width: '100%' }} className="form-alert">
        {staged && (
          <Typography.Text strong data-testid="restore-file">
            {t('backup.chosen', { name: staged.name, size: formatByteLimit(staged.size) })}
          </Typography.Text>
        )}
        {progress ? (
          <div data-testid="restore-reading">
            <Typography.Text type="secondary">{t('backup.reading', { sent: formatByteLimit(progress.sent), total: formatByteLimit(progress.total) })}</Typography.Text>
            <Flex gap="small" align="center">
              <Progress style={{ flex: 1 }} percent={progress.total === 0 ? 100 : Math.floor((progress.sent / progress.total) * 100)} />
              <Button size="small" onClick={() => reading.current?.abort()}>
                {t('common.cancel')}
              </Button>
            </Flex>
          </div>
        ) : (
          <Button icon={<FolderOpenOutlined />} block disabled={restoring} onClick={() => void choose()} data-testid="restore-choose">
            {staged ? t('backup.chooseOther') : t('backup.chooseFile')}
          </Button>
        )}
      </Space>
      <Form<{ login: string; password: string }> layout="vertical" onFinish={(values) => void restore(values)} requiredMark={false} disabled={restoring || progress !== null}>
        <Form.Item name="login" label={t('backup.backupLogin')} rules={loginRules(t)}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t('backup.backupPassword')} rules={[{ required: true, message: t('common.required', { field: t('fields.password') }) }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {restoring && <Alert type="info" showIcon title={t('backup.restoring')} className="form-alert" data-testid="restoring" />}
        <Button type="primary" htmlType="submit" block loading={restoring} data-testid="restore-submit">
          {t('backup.restoreSubmit')}
        </Button>
      </Form>
    </>
  );
}
