import { Table, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultRoutingRules, type RoutingRule } from '../../../../../shared/approval-routing';
import { DefaultTag } from './DefaultTag';
import { approversWords, conditionWords } from './routing-words';
import { defaultState } from './settings-changes';
import { wordsOf } from './words';

/** The routing rules in words, one row each, in the order they apply; `actions` adds the administrator's buttons. */
export function RoutingTable({ rules, actions, testId }: { rules: readonly RoutingRule[]; actions?: (rule: RoutingRule, index: number) => ReactNode; testId: string }) {
  const { t, i18n } = useTranslation();
  const words = wordsOf(t, i18n.language);
  const columns: TableColumnsType<RoutingRule> = [
    { title: '#', key: 'order', width: 44, render: (_, __, index) => index + 1 },
    {
      title: t('registerSettings.rule'),
      key: 'label',
      render: (_, rule) => (
        <>
          {rule.label} <DefaultTag state={defaultState(rule, defaultRoutingRules.find((d) => d.key === rule.key))} />
        </>
      ),
    },
    { title: t('registerSettings.when'), key: 'when', width: 260, render: (_, rule) => conditionWords(rule.when, words) },
    {
      title: t('registerSettings.approvers'),
      key: 'approvers',
      width: 300,
      render: (_, rule) =>
        approversWords(rule, words).map((line, index) => (
          <Typography.Paragraph key={index} style={{ margin: 0 }}>
            {line}
          </Typography.Paragraph>
        )),
    },
    ...(actions ? [{ title: t('common.actions'), key: 'actions', width: 200, render: (_: unknown, rule: RoutingRule, index: number) => actions(rule, index) }] : []),
  ];
  return <Table<RoutingRule> rowKey="key" size="small" pagination={false} dataSource={[...rules]} columns={columns} data-testid={testId} />;
}
