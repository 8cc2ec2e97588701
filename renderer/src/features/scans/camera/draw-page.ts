import { JPEG_QUALITY, MAX_PAGE_PIXELS, pageLayout, type PageLayout } from './page-layout';
import type { CapturedPage } from './captured-pages';

/** Draws a photo with a layout onto a canvas of the layout's size. */
export function drawLayout(canvas: HTMLCanvasElement | OffscreenCanvas, image: CanvasImageSource, layout: PageLayout): void {
  canvas.width = layout.width;
  canvas.height = layout.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas');
  context.setTransform(...layout.transform);
  context.drawImage(image, 0, 0);
}

/** A page exactly as the camera gave it can be filed as it is: a JPEG, unturned, uncropped, not too large. */
export function filedAsTaken(page: CapturedPage): boolean {
  return page.photo.type === 'image/jpeg' && page.rotation === 0 && page.crop === null && page.size.width * page.size.height <= MAX_PAGE_PIXELS;
}

/**
 * The page as the JPEG that is filed: turned and cropped at full resolution (decoded and encoded
 * by the browser off the page's thread), or the camera's own JPEG when nothing was changed.
 */
export async function encodePage(page: CapturedPage, name: string): Promise<File> {
  if (filedAsTaken(page)) return new File([page.photo], name, { type: 'image/jpeg' });
  const photo = await createImageBitmap(page.photo);
  try {
    const layout = pageLayout({ width: photo.width, height: photo.height }, page.rotation, page.crop, { maxPixels: MAX_PAGE_PIXELS });
    const canvas = new OffscreenCanvas(layout.width, layout.height);
    drawLayout(canvas, photo, layout);
    const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
    return new File([jpeg], name, { type: 'image/jpeg' });
  } finally {
    photo.close();
  }
}
