/**
 * A crop of a captured page, as fractions (0–1) of the page as it is shown: turned, uncropped.
 * Kept in fractions so the same rectangle fits the preview, the strip and the full-resolution photo.
 */
export interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** A grip on the crop's frame: an edge or a corner (north is up). */
export type Handle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';
export const handles: readonly Handle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];

/** Smaller than this (a twentieth of the page) is a slip of the hand, not a crop. */
export const MIN_CROP = 0.05;

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** The rectangle dragged from one point to another, within the page; null for a mere click. */
export function cropFromDrag(from: Point, to: Point): Crop | null {
  const left = clamp01(Math.min(from.x, to.x));
  const top = clamp01(Math.min(from.y, to.y));
  const width = clamp01(Math.max(from.x, to.x)) - left;
  const height = clamp01(Math.max(from.y, to.y)) - top;
  return width < MIN_CROP || height < MIN_CROP ? null : { x: left, y: top, width, height };
}

/** The crop moved by a distance, stopping at the page's edges. */
export function moveCrop(crop: Crop, dx: number, dy: number): Crop {
  return { ...crop, x: Math.min(1 - crop.width, Math.max(0, crop.x + dx)), y: Math.min(1 - crop.height, Math.max(0, crop.y + dy)) };
}

/** The crop with the edges a handle holds dragged to a point; an edge never passes the opposite one. */
export function resizeCrop(crop: Crop, handle: Handle, to: Point): Crop {
  let left = crop.x;
  let top = crop.y;
  let right = crop.x + crop.width;
  let bottom = crop.y + crop.height;
  if (handle.includes('w')) left = Math.min(clamp01(to.x), right - MIN_CROP);
  if (handle.includes('e')) right = Math.max(clamp01(to.x), left + MIN_CROP);
  if (handle.includes('n')) top = Math.min(clamp01(to.y), bottom - MIN_CROP);
  if (handle.includes('s')) bottom = Math.max(clamp01(to.y), top + MIN_CROP);
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The same part of the page after the page is turned a quarter clockwise (or back: `clockwise` false). */
export function turnCrop(crop: Crop, clockwise: boolean): Crop {
  return clockwise
    ? { x: 1 - (crop.y + crop.height), y: crop.x, width: crop.height, height: crop.width }
    : { x: crop.y, y: 1 - (crop.x + crop.width), width: crop.height, height: crop.width };
}

/** The crop in pixels of a page of the given (turned) size, whole pixels inside the page. */
export function cropPixels(crop: Crop | null, width: number, height: number): { x: number; y: number; width: number; height: number } {
  if (!crop) return { x: 0, y: 0, width, height };
  const left = Math.round(crop.x * width);
  const top = Math.round(crop.y * height);
  const right = Math.max(left + 1, Math.min(width, Math.round((crop.x + crop.width) * width)));
  const bottom = Math.max(top + 1, Math.min(height, Math.round((crop.y + crop.height) * height)));
  return { x: left, y: top, width: right - left, height: bottom - top };
}
