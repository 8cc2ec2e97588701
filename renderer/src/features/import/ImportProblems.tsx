import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../../../shared/contract';

/** Problems row by row, with the full list as a CSV to open beside the sheet. */
export function ImportProblems({ title, type, problems, onReport, testId }: { title: string; type: 'error' | 'warning'; problems: ImportProblem[]; onReport: () => void; testId: string }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <>
      <Alert
        type={type}
        showIcon
        title={title}
        data-testid={testId}
        action={
          <Button size="small" icon={<DownloadOutlined />} onClick={onReport}>
            {t('importer.report')}
          </Button>
        }
      />
      <Table<ImportProblem>
        size="small"
        rowKey={(p, i) => `${p.row}-${String(i)}`}
        dataSource={problems}
        pagination={{ pageSize: 8, showSizeChanger: false }}
        data-testid="import-problems"
        columns={[
          { title: t('importer.row'), dataIndex: 'row', width: 70 },
          { title: t('importer.column'), dataIndex: 'column', width: 160, render: (v: string | null) => v ?? '' },
          { title: t('importer.problem'), render: (_, p) => (english ? p.messageEn : p.message) },
        ]}
      />
    </>
  );
}
