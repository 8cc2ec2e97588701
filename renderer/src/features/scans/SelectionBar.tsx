import { DeleteOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  count: number;
  busy: boolean;
  onMove: () => void;
  onRemove: () => void;
  onClear: () => void;
}

/** What may be done with the pages selected in the strips. */
export function SelectionBar({ count, busy, onMove, onRemove, onClear }: Props) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <Flex gap="small" align="center" className="scan-selection" data-testid="scan-selection">
      <Typography.Text strong>{t('scans.selected', { count })}</Typography.Text>
      <Button size="small" icon={<SwapOutlined />} disabled={busy} onClick={onMove} data-testid="move-pages">
        {t('scans.move')}
      </Button>
      <Button size="small" danger icon={<DeleteOutlined />} disabled={busy} onClick={onRemove} data-testid="remove-pages">
        {t('scans.remove')}
      </Button>
      <Button size="small" type="link" onClick={onClear}>
        {t('scans.clearSelection')}
      </Button>
    </Flex>
  );
}
