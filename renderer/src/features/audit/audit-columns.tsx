import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { auditActionLabel, describeSummary } from '../../../../shared/audit-actions';
import type { AuditEventView } from '../../../../shared/contract';

type Language = 'zh' | 'en';

export const eventTime = (at: string, language: Language) => new Date(at).toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });

/**
 * The columns the trail and a dossier's history share: when, who, what, with which changes. In
 * a dossier's history (`ofDossier`), an event recorded on another dossier (a link made from
 * there) says which.
 */
export function eventColumns(t: TFunction, language: Language, ofDossier?: string): TableColumnsType<AuditEventView> {
  const summary = (e: AuditEventView) => {
    const elsewhere = ofDossier !== undefined && e.target?.type === 'dossier' && e.target.label !== ofDossier;
    if (!elsewhere || !e.summary) return describeSummary(e.summary, language);
    // Seen from the other end, the link's "other dossier" is this one: the dossier it was recorded on says more.
    const { other, ...rest } = e.summary;
    const text = describeSummary(other === ofDossier ? rest : e.summary, language);
    return `${t('audit.recordedOn', { number: e.target?.label })}${text ? `${language === 'zh' ? '；' : '; '}${text}` : ''}`;
  };
  return [
    { key: 'at', title: t('audit.time'), dataIndex: 'at', width: 160, render: (at: string) => eventTime(at, language) },
    { key: 'user', title: t('audit.user'), width: 150, render: (_, e) => (e.user ? `${e.user.displayName}（${e.user.login}）` : '—') },
    { key: 'action', title: t('audit.action'), dataIndex: 'action', width: 130, render: (action: string) => auditActionLabel(action, language) },
    { key: 'summary', title: t('audit.summary'), render: (_, e) => summary(e) },
  ];
}
