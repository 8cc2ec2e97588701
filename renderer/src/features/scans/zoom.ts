/** How the viewer sizes a page: fitted into the window, or at a scale of its image's pixels. */
export type Zoom = { fit: true } | { fit: false; scale: number };

export const FIT: Zoom = { fit: true };
const STEP = 1.25;
const MIN_SCALE = 0.1;
const MAX_SCALE = 8;

export interface Size {
  width: number;
  height: number;
}

/** The page's size on screen before zooming: a quarter turn swaps width and height. */
export function turnedSize(image: Size, rotation: number): Size {
  return rotation % 180 === 0 ? image : { width: image.height, height: image.width };
}

/** The scale at which the turned page fits the viewport whole. */
export function fitScale(image: Size, rotation: number, viewport: Size): number {
  const turned = turnedSize(image, rotation);
  if (turned.width <= 0 || turned.height <= 0 || viewport.width <= 0 || viewport.height <= 0) return 1;
  return Math.min(viewport.width / turned.width, viewport.height / turned.height);
}

export function scaleOf(zoom: Zoom, fitted: number): number {
  return zoom.fit ? fitted : zoom.scale;
}

/** One step larger (+) or smaller (−), from whatever scale is shown now (fitted or not). */
export function zoomed(current: number, direction: 1 | -1): Zoom {
  const next = direction > 0 ? current * STEP : current / STEP;
  return { fit: false, scale: Math.min(MAX_SCALE, Math.max(MIN_SCALE, next)) };
}

/** How a page is shown turned, clockwise. */
export type Rotation = 0 | 90 | 180 | 270;

/** A quarter turn clockwise (1) or anticlockwise (−1). */
export function turned(rotation: number, direction: 1 | -1): Rotation {
  return ((((rotation + direction * 90) % 360) + 360) % 360) as Rotation;
}
