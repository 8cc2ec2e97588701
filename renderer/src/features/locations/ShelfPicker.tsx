import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { useAttempt } from '../../lib/use-attempt';
import { useChannel } from '../../lib/use-channel';
import { toTree, treeOptions } from './location-tree';

/** Where the dossier stands; someone who edits dossiers shelves or moves it here. */
export function ShelfPicker({ dossier, editable, onChanged }: { dossier: DossierDetail; editable: boolean; onChanged: (detail: DossierDetail) => void }) {
  const { t } = useTranslation();
  const { attempt } = useAttempt();
  const places = useChannel('location:list', {}, editable);
  const onLoan = dossier.status === 'on-loan' ? `（${t('locations.onLoan')}）` : '';
  if (!editable) return <>{dossier.location ? `${dossier.location.fullCode} ${dossier.location.path}${onLoan}` : t('locations.notShelved')}</>;
  const shelve = (locationId: number | null) => attempt(async () => onChanged(await call('dossier:set-location', { archiveNumber: dossier.archiveNumber, locationId })));
  return (
    <>
      <TreeSelect
        allowClear
        showSearch
        treeNodeFilterProp="title"
        treeDefaultExpandAll
        className="shelf-picker"
        placeholder={t('locations.notShelved')}
        value={dossier.location?.id}
        treeData={treeOptions(toTree(places.data ?? []))}
        onChange={(value: number | undefined) => void shelve(value ?? null)}
        data-testid="shelf-picker"
      />
      {onLoan}
    </>
  );
}
