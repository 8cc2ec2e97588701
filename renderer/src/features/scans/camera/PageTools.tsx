import { CameraOutlined, DeleteOutlined, RedoOutlined, RotateLeftOutlined, RotateRightOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CapturedPage, PagesAction } from './captured-pages';

interface Props {
  page: CapturedPage;
  index: number;
  count: number;
  dispatch: (action: PagesAction) => void;
  onRetake: () => void;
  onBack: () => void;
}

/** What can be done to one captured page: turn, reset the crop, retake, delete; then back to the camera. */
export function PageTools({ page, index, count, dispatch, onRetake, onBack }: Props) {
  const { t } = useTranslation();
  const { id } = page;
  return (
    <Flex gap="small" align="center" wrap className="camera-tools">
      <Typography.Text strong data-testid="camera-page-title">
        {t('camera.pageTitle', { n: index + 1, m: count })}
      </Typography.Text>
      <Button icon={<RotateLeftOutlined />} onClick={() => dispatch({ type: 'turn', id, clockwise: false })} title={t('camera.rotateLeft')} aria-label={t('camera.rotateLeft')} data-testid="camera-rotate-left" />
      <Button icon={<RotateRightOutlined />} onClick={() => dispatch({ type: 'turn', id, clockwise: true })} title={t('camera.rotateRight')} aria-label={t('camera.rotateRight')} data-testid="camera-rotate-right" />
      <Button icon={<UndoOutlined />} disabled={!page.crop} onClick={() => dispatch({ type: 'crop', id, crop: null })} data-testid="camera-reset-crop">
        {t('camera.resetCrop')}
      </Button>
      <Button icon={<RedoOutlined />} onClick={onRetake} data-testid="camera-retake">
        {t('camera.retake')}
      </Button>
      <Button danger icon={<DeleteOutlined />} onClick={() => dispatch({ type: 'remove', id })} data-testid="camera-remove">
        {t('camera.remove')}
      </Button>
      <span className="scan-grow" />
      <Button icon={<CameraOutlined />} onClick={onBack} data-testid="camera-back">
        {t('camera.back')}
      </Button>
    </Flex>
  );
}
