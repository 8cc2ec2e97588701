import { App, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '../../../../shared/contract';
import { call, errorText } from '../../lib/api';
import { useChannel } from '../../lib/use-channel';
import { toTree, treeOptions } from './location-tree';

/** Where the dossier stands; someone who edits dossiers shelves or moves it here. */
export function ShelfPicker({ dossier, editable, onChanged }: { dossier: DossierDetail; editable: boolean; onChanged: (detail: DossierDetail) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const places = useChannel('location:list', {}, editable);
  const onLoan = dossier.status === 'on-loan' ? `（${t('locations.onLoan')}）` : '';
  if (!editable) return <>{dossier.location ? `${dossier.location.fullCode} ${dossier.location.path}${onLoan}` : t('locations.notShelved')}</>;
  const shelve = async (locationId: number | null) => {
    try {
      onChanged(await call('dossier:set-location', { archiveNumber: dossier.archiveNumber, locationId }));
    } catch (failure) {
      void message.error(errorText(failure, i18n.language));
    }
  };
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
