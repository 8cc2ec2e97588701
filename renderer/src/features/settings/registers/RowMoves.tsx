import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** Up and down one place in an ordered list of rules (the order decides). */
export function RowMoves({ index, count, onMove }: { index: number; count: number; onMove: (from: number, to: number) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Tooltip title={t('registerSettings.moveUp')}>
        <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(index, index - 1)} aria-label={t('registerSettings.moveUp')} />
      </Tooltip>
      <Tooltip title={t('registerSettings.moveDown')}>
        <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => onMove(index, index + 1)} aria-label={t('registerSettings.moveDown')} />
      </Tooltip>
    </>
  );
}

/** The list with the item at `from` moved to `to`. */
export function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}
