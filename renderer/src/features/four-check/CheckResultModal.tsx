import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckItemResult, FourCheckResult } from '../../../../shared/contract';
import { aspectLabels, checkItemLabels, documentWords } from '../../../../shared/four-check';
import { saveExport } from '../../lib/download';

/** A 四性 check's report: the verdict, one row per item, each failed item's findings; the PDF to save. */
export function CheckResultModal({ result, onClose }: { result: FourCheckResult | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const report = result?.report;
  return (
    <Modal
      open={result !== null}
      onCancel={onClose}
      width={860}
      title={t('fourCheck.resultTitle', { scope: report ? (en ? report.scope.labelEn : report.scope.label) : '' })}
      data-testid="check-result"
      footer={[
        <Button key="pdf" icon={<DownloadOutlined />} onClick={() => result && saveExport(result.file)} data-testid="check-pdf">
          {t('fourCheck.downloadPdf')}
        </Button>,
        <Button key="close" type="primary" onClick={onClose}>
          {t('fourCheck.close')}
        </Button>,
      ]}
    >
      {report && (
        <>
          <Alert
            className="form-alert"
            showIcon
            type={report.ok ? 'success' : 'error'}
            data-testid="check-verdict"
            title={report.ok ? t('fourCheck.passed') : t('fourCheck.failed', { count: report.items.filter((i) => !i.ok).length })}
            description={t('fourCheck.counts', { dossiers: report.dossiers, files: report.files, pages: report.pages })}
          />
          <Table<CheckItemResult>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={report.items}
            data-testid="check-items"
            expandable={{
              rowExpandable: (item) => item.findings.length > 0,
              defaultExpandAllRows: true,
              expandedRowRender: (item) =>
                item.findings.map((f, index) => (
                  <Typography.Paragraph key={index} className="check-finding">
                    {[f.archiveNumber, documentWords(f.document, en ? 'en' : 'zh')].filter(Boolean).join(' · ')}
                    {f.archiveNumber ? '：' : ''}
                    {en ? f.messageEn : f.message}
                  </Typography.Paragraph>
                )),
            }}
            columns={[
              { key: 'aspect', title: t('fourCheck.aspect'), width: 90, render: (_, item) => aspectLabels[item.aspect][en ? 'en' : 'zh'] },
              { key: 'item', title: t('fourCheck.item'), render: (_, item) => checkItemLabels[item.key][en ? 'en' : 'zh'] },
              { key: 'checked', title: t('fourCheck.checked'), width: 80, align: 'right', render: (_, item) => item.checked },
              { key: 'result', title: t('fourCheck.result'), width: 110, render: (_, item) => (item.ok ? <Tag color="green">{t('fourCheck.itemPassed')}</Tag> : <Tag color="red">{t('fourCheck.itemFailed', { count: item.failures })}</Tag>) },
            ]}
          />
          <Typography.Paragraph type="secondary" className="check-sha">
            SHA-256: <Typography.Text code>{result.sha256}</Typography.Text>
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
