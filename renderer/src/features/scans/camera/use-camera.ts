import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cameraDevices, cameraToOpen, rememberCamera, rememberedCamera, type CameraDevice } from './camera-choice';
import { cameraFailureOf, type CameraFailure } from './camera-failure';

export interface Camera {
  /** The live picture; null while starting or after a failure. */
  stream: MediaStream | null;
  failure: CameraFailure | null;
  devices: CameraDevice[];
  deviceId: string | null;
  /** Opens another camera and remembers it on this computer. */
  choose: (deviceId: string) => void;
  /** Tries again after a failure (the camera plugged in, another program closed). */
  retry: () => void;
}

/**
 * Asks for the camera's largest size: a document camera's preview is its photo on Linux (the
 * Image Capture API takes the next frame there), and the fallback without it draws the frame.
 */
const videoConstraints = (deviceId: string | null): MediaTrackConstraints => ({
  ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
  width: { ideal: 8192 },
  height: { ideal: 8192 },
});

const stop = (stream: MediaStream) => stream.getTracks().forEach((track) => track.stop());

/**
 * The document camera while the dialog is open: video only, never audio. Every stream it opened is
 * stopped when the dialog goes (closed, the drawer closed, the session locked) or another camera is
 * chosen, so no camera light is left on.
 */
export function useCamera(): Camera {
  const { t } = useTranslation();
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [failure, setFailure] = useState<CameraFailure | null>(null);
  const [devices, setDevices] = useState<CameraDevice[]>([]);
  const [asked, setAsked] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const unnamed = (n: number) => t('camera.unnamed', { n });

  useEffect(() => {
    let gone = false;
    let opened: MediaStream | null = null;
    const list = async () => cameraDevices(await navigator.mediaDevices.enumerateDevices(), unnamed);
    const start = async () => {
      setStream(null);
      setFailure(null);
      if (!navigator.mediaDevices?.getUserMedia) return setFailure('unsupported');
      try {
        // Before permission is given, devices have no ids; the remembered one is tried blind.
        const wanted = asked ?? rememberedCamera(localStorage);
        try {
          opened = await navigator.mediaDevices.getUserMedia({ video: videoConstraints(wanted), audio: false });
        } catch (error) {
          if (!wanted || cameraFailureOf(error) !== 'none') throw error;
          // The remembered camera is no longer plugged in: any camera will do.
          opened = await navigator.mediaDevices.getUserMedia({ video: videoConstraints(null), audio: false });
        }
        if (gone) return stop(opened);
        const [track] = opened.getVideoTracks();
        track?.addEventListener('ended', () => {
          if (!gone) setFailure('ended');
        });
        setDevices(await list());
        if (!gone) setStream(opened);
      } catch (error) {
        if (!gone) setFailure(cameraFailureOf(error));
      }
    };
    void start();
    const replugged = () => void list().then((found) => !gone && setDevices(found));
    navigator.mediaDevices?.addEventListener('devicechange', replugged);
    return () => {
      gone = true;
      navigator.mediaDevices?.removeEventListener('devicechange', replugged);
      if (opened) stop(opened);
    };
    // `unnamed` follows the language, which does not reopen the camera.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [asked, attempt]);

  const current = stream?.getVideoTracks()[0]?.getSettings().deviceId ?? null;
  return {
    stream: failure ? null : stream,
    failure,
    devices,
    deviceId: cameraToOpen(devices, current, asked ?? rememberedCamera(localStorage)),
    choose: (deviceId) => {
      rememberCamera(deviceId, localStorage);
      setAsked(deviceId);
    },
    retry: () => setAttempt((n) => n + 1),
  };
}
