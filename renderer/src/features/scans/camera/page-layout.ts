import { cropPixels, type Crop } from './crop-geometry';

/** Clockwise quarter turns a page is shown with. */
export type Rotation = 0 | 90 | 180 | 270;

export interface Size {
  width: number;
  height: number;
}

/** How a captured page is drawn: the canvas size and the transform from the photo's pixels onto it. */
export interface PageLayout extends Size {
  /** Canvas 2D matrix [a, b, c, d, e, f]: a photo pixel (u, v) lands at (a·u + c·v + e, b·u + d·v + f). */
  transform: [number, number, number, number, number, number];
}

/**
 * A filed page is at most this many pixels: a 48-megapixel camera's full frame fits, and it stays
 * well under the 80 million the core accepts and the canvas area Chromium can encode.
 */
export const MAX_PAGE_PIXELS = 50_000_000;

/** JPEG quality of a filed page: text edges stay sharp, an A4 page at 300 dpi is about 1 MB. */
export const JPEG_QUALITY = 0.92;

/** The page's size once turned. */
export function turnedSize(photo: Size, rotation: Rotation): Size {
  return rotation === 90 || rotation === 270 ? { width: photo.height, height: photo.width } : photo;
}

/** Where a photo pixel (u, v) lands on the turned page, as a matrix (see PageLayout). */
function turnMatrix(photo: Size, rotation: Rotation): PageLayout['transform'] {
  switch (rotation) {
    case 0:
      return [1, 0, 0, 1, 0, 0];
    case 90:
      return [0, 1, -1, 0, photo.height, 0];
    case 180:
      return [-1, 0, 0, -1, photo.width, photo.height];
    case 270:
      return [0, -1, 1, 0, 0, photo.width];
  }
}

/**
 * The page turned, cropped and scaled to fit the limits (full resolution when it fits): the size of
 * the canvas and the transform that draws the photo onto it. The same layout draws the strip's
 * thumbnails, the editor's preview and the JPEG that is filed, so what is seen is what is filed.
 */
export function pageLayout(photo: Size, rotation: Rotation, crop: Crop | null, limits: { maxPixels?: number; maxSide?: number }): PageLayout {
  const turned = turnedSize(photo, rotation);
  const area = cropPixels(crop, turned.width, turned.height);
  const byPixels = limits.maxPixels ? Math.sqrt(limits.maxPixels / (area.width * area.height)) : 1;
  const bySide = limits.maxSide ? limits.maxSide / Math.max(area.width, area.height) : 1;
  const scale = Math.min(1, byPixels, bySide);
  const width = Math.max(1, Math.floor(area.width * scale));
  const height = Math.max(1, Math.floor(area.height * scale));
  // Scaled to the whole pixels of the canvas on each axis, so the page fills it edge to edge.
  const sx = width / area.width;
  const sy = height / area.height;
  const [a, b, c, d, e, f] = turnMatrix(photo, rotation);
  return { width, height, transform: [a * sx, b * sy, c * sx, d * sy, (e - area.x) * sx, (f - area.y) * sy] };
}

/** Applies a layout's transform to a photo pixel (what the canvas does; for tests and hit-testing). */
export function placePoint(layout: PageLayout, u: number, v: number): { x: number; y: number } {
  const [a, b, c, d, e, f] = layout.transform;
  return { x: a * u + c * v + e, y: b * u + d * v + f };
}
