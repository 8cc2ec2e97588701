import type { Shot } from './captured-pages';
import { pageLayout } from './page-layout';
import { drawLayout } from './draw-page';

/** The long side of the copy kept for the strip and the crop editor. */
const PREVIEW_SIDE = 1200;

/** The camera's largest photo through the Image Capture API; null where the browser or camera has none. */
async function photoOf(track: MediaStreamTrack): Promise<Blob | null> {
  if (typeof ImageCapture === 'undefined') return null;
  try {
    const capture = new ImageCapture(track);
    const capabilities = await capture.getPhotoCapabilities();
    const widest = capabilities.imageWidth?.max;
    return await capture.takePhoto(widest ? { imageWidth: widest } : undefined);
  } catch {
    // Some drivers offer no photo mode: the video frame below is the fallback.
    return null;
  }
}

/** The frame the video shows now, at the size the track delivers (opened at the camera's largest). */
async function frameOf(video: HTMLVideoElement): Promise<Blob> {
  const canvas = new OffscreenCanvas(video.videoWidth, video.videoHeight);
  drawLayout(canvas, video, pageLayout({ width: video.videoWidth, height: video.videoHeight }, 0, null, {}));
  // Near-lossless: the page is encoded once more when it is filed turned or cropped.
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.97 });
}

/** One page at full resolution, with the small copy the dialog shows. */
export async function takePhoto(track: MediaStreamTrack, video: HTMLVideoElement): Promise<Shot> {
  const photo = (await photoOf(track)) ?? (await frameOf(video));
  const image = await createImageBitmap(photo);
  try {
    const size = { width: image.width, height: image.height };
    const canvas = new OffscreenCanvas(1, 1);
    drawLayout(canvas, image, pageLayout(size, 0, null, { maxSide: PREVIEW_SIDE }));
    return { photo, size, preview: await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 }) };
  } finally {
    image.close();
  }
}
