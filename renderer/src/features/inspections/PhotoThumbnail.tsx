import { CloseOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, Image, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionPhotoView } from '../../../../shared/contract';
import { call } from '../../lib/api';

function usePhotoUrl(photoId: number, size: 'thumbnail' | 'view', wanted: boolean): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!wanted) return undefined;
    let shown = true;
    let made: string | undefined;
    call('inspection:photo', { photoId, size }).then(
      (image) => {
        if (!shown) return;
        made = URL.createObjectURL(new Blob([new Uint8Array(image.bytes)], { type: image.mimeType }));
        setUrl(made);
      },
      () => undefined,
    );
    return () => {
      shown = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [photoId, size, wanted]);
  return url;
}

/** A finding's photo as a thumbnail; a click shows it large. */
export function PhotoThumbnail({ photo, onRemove }: { photo: InspectionPhotoView; onRemove?: () => void }) {
  const { t } = useTranslation();
  const [large, setLarge] = useState(false);
  const thumbnail = usePhotoUrl(photo.id, 'thumbnail', true);
  const view = usePhotoUrl(photo.id, 'view', large);
  return (
    <div style={{ position: 'relative', width: 96, height: 96, border: '1px solid #f0f0f0', borderRadius: 4, display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#fafafa' }} data-testid={`photo-${photo.id}`}>
      {thumbnail ? (
        <Image
          src={thumbnail}
          alt={photo.sourceName}
          width={92}
          height={92}
          style={{ objectFit: 'cover' }}
          preview={{ src: view ?? thumbnail, open: large, onOpenChange: setLarge }}
        />
      ) : (
        <PictureOutlined style={{ fontSize: 28, color: '#bfbfbf' }} />
      )}
      {onRemove && (
        <Tooltip title={t('inspections.removePhoto')}>
          <Button size="small" shape="circle" icon={<CloseOutlined />} style={{ position: 'absolute', top: -8, right: -8 }} onClick={onRemove} aria-label={t('inspections.removePhoto')} data-testid={`remove-photo-${photo.id}`} />
        </Tooltip>
      )}
    </div>
  );
}
