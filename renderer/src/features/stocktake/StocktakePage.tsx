import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { StartStocktake } from './StartStocktake';
import { StocktakeDesk } from './StocktakeDesk';

/** 盘点: the stocktake open in the address (?id=), so that a reload resumes it; else start one. */
export function StocktakePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const id = Number(params.get('id'));
  return (
    <div className="page" data-testid="stocktake-page">
      <Typography.Title level={3}>{t('stocktake.title')}</Typography.Title>
      {Number.isInteger(id) && id > 0 ? <StocktakeDesk key={id} id={id} onBack={() => setParams({})} /> : <StartStocktake onOpen={(opened) => setParams({ id: String(opened) })} />}
    </div>
  );
}
