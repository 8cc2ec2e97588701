import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../../app/ArchiveSettings';
import { DestructionListDesk } from './DestructionListDesk';
import { DestructionLists } from './DestructionLists';
import { DueList } from './DueList';

/** 鉴定销毁: the due list and the destruction lists; a list open in the address (?list=) so that a reload keeps it. */
export function DisposalPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const listId = Number(params.get('list'));
  const manages = can('disposal.manage');
  return (
    <div className="page" data-testid="disposal-page">
      <Typography.Title level={3}>{t('disposal.title')}</Typography.Title>
      {Number.isInteger(listId) && listId > 0 ? (
        <DestructionListDesk key={listId} id={listId} onBack={() => setParams({ tab: 'lists' })} />
      ) : (
        <Tabs
          activeKey={params.get('tab') ?? (manages ? 'due' : 'lists')}
          onChange={(tab) => setParams({ tab })}
          items={[
            ...(manages ? [{ key: 'due', label: t('disposal.tabs.due'), children: <DueList /> }] : []),
            { key: 'lists', label: t('disposal.tabs.lists'), children: <DestructionLists onOpen={(id) => setParams({ list: String(id) })} /> },
          ]}
        />
      )}
    </div>
  );
}
