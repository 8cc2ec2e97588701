import { CameraOutlined } from '@ant-design/icons';
import { App, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/api';
import { usePhotoUpload, type StagedPhoto } from './use-photo-upload';

/** A place to click (the file picker) or drop photos on; each is staged and handed on. */
export function PhotoDrop({ onStaged, testId }: { onStaged: (photos: StagedPhoto[]) => void | Promise<void>; testId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { uploading, stageAll, pick } = usePhotoUpload();
  const [over, setOver] = useState(false);
  const take = async (staging: Promise<StagedPhoto[]>) => {
    try {
      const photos = await staging;
      if (photos.length > 0) await onStaged(photos);
    } catch (failure) {
      void message.error(errorText(failure, i18n.language));
    }
  };
  return (
    <div
      role="button"
      tabIndex={0}
      className={`inspection-drop${over ? ' inspection-drop-active' : ''}`}
      style={{ border: `1px dashed ${over ? '#1677ff' : '#d9d9d9'}`, borderRadius: 6, padding: '10px 14px', cursor: 'pointer', background: over ? '#e6f4ff' : '#fafafa' }}
      data-testid={testId}
      onClick={() => void take(pick())}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') void take(pick());
      }}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setOver(false);
        void take(stageAll([...event.dataTransfer.files]));
      }}
    >
      <Typography.Text type="secondary">
        <CameraOutlined /> {uploading ? t('inspections.staging', { name: uploading }) : t('inspections.dropPhotos')}
      </Typography.Text>
    </div>
  );
}
