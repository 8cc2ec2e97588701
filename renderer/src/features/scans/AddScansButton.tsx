import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptFor } from '../../lib/stage-file';
import { CameraButton } from './camera/CameraButton';
import { targetId, type FilingTarget } from './filing-target';
import { useScanDesk } from './scan-desk';

/** "添加扫描件": the file dialog, many files at once, filed onto the target; beside it the document camera. */
export function AddScansButton({ target, primary = false }: { target: FilingTarget; primary?: boolean }) {
  const { t } = useTranslation();
  const desk = useScanDesk();
  const input = useRef<HTMLInputElement>(null);
  if (!desk.editable) return null;
  const id = targetId(target);
  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        accept={acceptFor('scan')}
        hidden
        data-testid={`scan-input-${id}`}
        onChange={(event) => {
          const chosen = [...(event.target.files ?? [])];
          event.target.value = '';
          if (chosen.length > 0) void desk.filing.file(target, chosen);
        }}
      />
      <Button size="small" type={primary ? 'primary' : 'default'} icon={<UploadOutlined />} disabled={desk.filing.phase !== 'idle'} onClick={() => input.current?.click()} data-testid={`add-scans-${id}`}>
        {t('scans.add')}
      </Button>
      <CameraButton target={target} labelled={primary} />
    </>
  );
}
