import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { auditActionLabel } from '../../../../shared/audit-actions';
import type { AuditEventView } from '../../../../shared/contract';

type Language = 'zh' | 'en';

export const eventTime = (at: string, language: Language) => new Date(at).toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });

/**
 * The columns the trail and a dossier's history share: when, who, what, with which changes – the
 * changes in words as the core describes them (an event recorded on another dossier says which).
 */
export function eventColumns(t: TFunction, language: Language): TableColumnsType<AuditEventView> {
  return [
    { key: 'at', title: t('audit.time'), dataIndex: 'at', width: 160, render: (at: string) => eventTime(at, language) },
    { key: 'user', title: t('audit.user'), width: 150, render: (_, e) => (e.user ? `${e.user.displayName}（${e.user.login}）` : '—') },
    { key: 'action', title: t('audit.action'), dataIndex: 'action', width: 130, render: (action: string) => auditActionLabel(action, language) },
    { key: 'summary', title: t('audit.summary'), render: (_, e) => e.description[language] },
  ];
}
