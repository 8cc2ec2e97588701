import { CameraOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Modal, Select, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SCANS_PER_FILING } from '../../../../../shared/contract';
import type { FilingTarget } from '../filing-target';
import { FilingStatus } from '../FilingStatus';
import { useScanDesk } from '../scan-desk';
import { CameraPreview } from './CameraPreview';
import { CapturedStrip } from './CapturedStrip';
import { capturedPages } from './captured-pages';
import { CropEditor } from './CropEditor';
import { PageTools } from './PageTools';
import { takePhoto } from './take-photo';
import { useCamera } from './use-camera';
import { useCaptureKeys } from './use-capture-keys';
import { usePageFiling } from './use-page-filing';
import './camera.css';

/** The stage shows the camera (a new page, or a retake of one) or one captured page to edit. */
type Stage = { kind: 'live'; retake: number | null } | { kind: 'page'; id: number };
const LIVE: Stage = { kind: 'live', retake: null };

/**
 * 高拍仪拍摄: the live picture, pages taken one by one at full resolution, each turned, cropped,
 * retaken or deleted, then all filed onto the target. Mounted only while open: unmounting stops
 * the camera.
 */
export function CameraDialog({ target, onClose }: { target: FilingTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const desk = useScanDesk();
  const camera = useCamera();
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const nextId = useRef(1);
  const [pages, dispatch] = useReducer(capturedPages, []);
  const [stage, setStage] = useState<Stage>(LIVE);
  const [capturing, setCapturing] = useState(false);
  // Onto the dossier itself the pages of one sitting are one document, titled by the clerk.
  const [title, setTitle] = useState(() => t('camera.documentTitle', { stamp: dayjs().format('YYYY-MM-DD HH:mm') }));
  const filing = usePageFiling(target.kind === 'dossier' ? { kind: 'dossier', title: title.trim() || t('camera.documentTitle', { stamp: dayjs().format('YYYY-MM-DD HH:mm') }) } : target, desk.filing);
  const busy = filing.encoding !== null || desk.filing.phase !== 'idle';
  const opened = stage.kind === 'page' ? pages.find((p) => p.id === stage.id) : undefined;
  // A page deleted while shown: back to the camera.
  const shown: Stage = stage.kind === 'page' && !opened ? LIVE : stage;

  const capture = async () => {
    const track = camera.stream?.getVideoTracks()[0];
    if (!track || !video || capturing || busy || shown.kind !== 'live') return;
    if (shown.retake === null && pages.length >= MAX_SCANS_PER_FILING) {
      void message.warning(t('camera.tooMany', { max: MAX_SCANS_PER_FILING }));
      return;
    }
    setCapturing(true);
    try {
      const shot = await takePhoto(track, video);
      if (shown.retake !== null) {
        dispatch({ type: 'retake', id: shown.retake, shot });
        setStage({ kind: 'page', id: shown.retake });
      } else {
        dispatch({ type: 'add', id: nextId.current++, shot });
      }
    } catch {
      void message.error(t('camera.captureFailed'));
    } finally {
      setCapturing(false);
    }
  };
  useCaptureKeys(() => void capture(), shown.kind === 'live' && camera.stream !== null);

  const close = () => {
    if (busy) return;
    if (pages.length === 0) return onClose();
    modal.confirm({
      title: t('camera.discardTitle', { count: pages.length }),
      content: t('camera.discardContent'),
      okText: t('camera.discard'),
      okButtonProps: { danger: true },
      cancelText: t('camera.keep'),
      onOk: onClose,
    });
  };
  const fileAll = async () => {
    if (await filing.file(pages)) onClose();
  };

  const live = (
    <>
      <div className="camera-stage">
        {camera.failure ? (
          <Alert
            type="error"
            showIcon
            title={t(`camera.failure.${camera.failure}`)}
            action={<Button onClick={camera.retry} data-testid="camera-retry">{t('camera.retry')}</Button>}
            data-testid="camera-failure"
          />
        ) : camera.stream ? (
          <CameraPreview stream={camera.stream} onVideo={setVideo} />
        ) : (
          <Spin tip={t('camera.starting')}>
            <div className="camera-starting" />
          </Spin>
        )}
      </div>
      <Flex gap="small" align="center" className="camera-tools">
        <Button type="primary" size="large" icon={<CameraOutlined />} loading={capturing} disabled={!camera.stream || busy} onClick={() => void capture()} data-testid="camera-capture">
          {t('camera.capture')}
        </Button>
        <Typography.Text type="secondary">{shown.kind === 'live' && shown.retake !== null ? t('camera.retaking', { n: pages.findIndex((p) => p.id === shown.retake) + 1 }) : t('camera.captureHint')}</Typography.Text>
      </Flex>
    </>
  );

  return (
    <Modal
      open
      width={1120}
      centered
      title={t('camera.title')}
      maskClosable={false}
      onCancel={close}
      closable={!busy}
      data-testid="camera-dialog"
      footer={
        <Flex gap="small" align="center">
          {target.kind === 'dossier' ? (
            <Flex gap="small" align="center" className="camera-target">
              <Typography.Text>{t('camera.intoDossier')}</Typography.Text>
              <Input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} disabled={busy} className="camera-title" data-testid="camera-title" />
            </Flex>
          ) : (
            <Typography.Text type="secondary" className="camera-target">
              {t('camera.intoDocument')}
            </Typography.Text>
          )}
          <span className="scan-grow" />
          {filing.encoding && <Typography.Text type="secondary">{t('camera.encoding', { done: filing.encoding.done + 1, total: filing.encoding.total })}</Typography.Text>}
          <Button onClick={close} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" loading={busy} onClick={() => void fileAll()} data-testid="camera-file">
            {t('camera.file', { count: pages.length })}
          </Button>
        </Flex>
      }
    >
      <div className="camera-body">
        <div className="camera-main">
          <Flex gap="small" align="center" className="camera-tools">
            <Typography.Text>{t('camera.device')}</Typography.Text>
            <Select
              className="camera-device"
              value={camera.deviceId ?? undefined}
              options={camera.devices.map((d) => ({ value: d.deviceId, label: d.label }))}
              onChange={camera.choose}
              disabled={camera.devices.length < 2}
              data-testid="camera-device"
            />
          </Flex>
          {shown.kind === 'page' && opened ? (
            <>
              <PageTools
                page={opened}
                index={pages.indexOf(opened)}
                count={pages.length}
                dispatch={dispatch}
                onRetake={() => setStage({ kind: 'live', retake: opened.id })}
                onBack={() => setStage(LIVE)}
              />
              <div className="camera-stage">
                <CropEditor page={opened} onCrop={(crop) => dispatch({ type: 'crop', id: opened.id, crop })} />
              </div>
              <Typography.Text type="secondary">{t('camera.cropHint')}</Typography.Text>
            </>
          ) : (
            live
          )}
        </div>
        <CapturedStrip pages={pages} current={shown.kind === 'page' ? shown.id : null} onOpen={(id) => setStage({ kind: 'page', id })} />
      </div>
      <FilingStatus filing={desk.filing} />
    </Modal>
  );
}
