import { App, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '../../../../shared/contract';
import { call } from '../../lib/api';
import { useAttempt } from '../../lib/use-attempt';
import { useChannel } from '../../lib/use-channel';
import { toTree, treeOptions } from './location-tree';

/**
 * Where the dossier stands; someone who edits dossiers shelves or moves it here – after saying
 * yes to where it goes, and told where it went.
 */
export function ShelfPicker({ dossier, editable, onChanged }: { dossier: DossierDetail; editable: boolean; onChanged: (detail: DossierDetail) => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { attempt } = useAttempt();
  const places = useChannel('location:list', {}, editable);
  const onLoan = dossier.status === 'on-loan' ? `（${t('locations.onLoan')}）` : '';
  if (!editable) return <>{dossier.location ? `${dossier.location.fullCode} ${dossier.location.path}${onLoan}` : t('locations.notShelved')}</>;
  const placeName = (id: number | null) => {
    const place = places.data?.find((p) => p.id === id);
    return place ? `${place.fullCode} ${place.path}` : t('locations.notShelved');
  };
  const from = dossier.location ? `${dossier.location.fullCode} ${dossier.location.path}` : null;

  const shelve = (locationId: number | null) => {
    const to = placeName(locationId);
    const question = locationId === null ? t('locations.confirmUnshelve', { number: dossier.archiveNumber, from }) : from ? t('locations.confirmMove', { number: dossier.archiveNumber, from, to }) : t('locations.confirmShelve', { number: dossier.archiveNumber, to });
    const done = locationId === null ? t('locations.unshelved', { number: dossier.archiveNumber }) : from ? t('locations.moved', { number: dossier.archiveNumber, to }) : t('locations.shelved', { number: dossier.archiveNumber, to });
    modal.confirm({
      title: locationId === null ? t('locations.unshelveTitle') : from ? t('locations.moveTitle') : t('locations.shelveTitle'),
      content: question,
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => attempt(async () => onChanged(await call('dossier:set-location', { archiveNumber: dossier.archiveNumber, locationId })), done),
    });
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
        onChange={(value: number | undefined) => shelve(value ?? null)}
        data-testid="shelf-picker"
      />
      {onLoan}
    </>
  );
}
