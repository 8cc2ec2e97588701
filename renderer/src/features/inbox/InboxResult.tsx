import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InboxFiling } from '../../../../shared/contract';
import { inboxOutcomeLines } from './inbox-outcome';

/** What the clerk's last action in the inbox did, or why it failed. */
export type InboxResultState = { kind: 'filed'; outcome: InboxFiling } | { kind: 'discarded'; count: number } | { kind: 'failed'; text: string } | null;

/**
 * The last action's result, shown until the next one: unlike a passing message it is still there
 * when the clerk looks up from the scanner, and unlike a dialog it does not take the focus from
 * the archive number field, into which a scanner gun types the next number.
 */
export function InboxResult({ result, onClose }: { result: InboxResultState; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  if (!result) return null;
  if (result.kind === 'failed') return <Alert type="error" showIcon closable onClose={onClose} title={result.text} className="form-alert" data-testid="inbox-failure" />;
  if (result.kind === 'discarded') return <Alert type="success" showIcon closable onClose={onClose} title={t('inbox.discarded', { count: result.count })} className="form-alert" data-testid="inbox-done" />;
  const { done, left } = inboxOutcomeLines(t, result.outcome, i18n.language === 'en');
  return (
    <>
      <Alert type={done.length > 0 ? 'success' : 'info'} showIcon closable onClose={onClose} title={done.length > 0 ? <Lines lines={done} /> : t('inbox.nothingFiled')} className="form-alert" data-testid="inbox-done" />
      {left.length > 0 && <Alert type="warning" showIcon title={t('inbox.leftTitle', { count: left.length })} description={<Lines lines={left} />} className="form-alert" data-testid="inbox-left" />}
    </>
  );
}

function Lines({ lines }: { lines: string[] }) {
  return (
    <>
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </>
  );
}
