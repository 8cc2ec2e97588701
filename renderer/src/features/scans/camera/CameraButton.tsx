import { CameraOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { targetId, type FilingTarget } from '../filing-target';
import { useScanDesk } from '../scan-desk';
import { CameraDialog } from './CameraDialog';

/** 高拍仪拍摄: pages taken with the document camera, filed onto the target like chosen files. */
export function CameraButton({ target, labelled = false }: { target: FilingTarget; labelled?: boolean }) {
  const { t } = useTranslation();
  const desk = useScanDesk();
  const [open, setOpen] = useState(false);
  if (!desk.editable) return null;
  return (
    <>
      <Button
        size="small"
        icon={<CameraOutlined />}
        disabled={desk.filing.phase !== 'idle'}
        onClick={() => setOpen(true)}
        title={t('camera.open')}
        aria-label={t('camera.open')}
        data-testid={`camera-open-${targetId(target)}`}
      >
        {labelled && t('camera.open')}
      </Button>
      {open && <CameraDialog target={target} onClose={() => setOpen(false)} />}
    </>
  );
}
