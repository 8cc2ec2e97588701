import { turnCrop, type Crop } from './crop-geometry';
import type { Rotation, Size } from './page-layout';

/** One page taken with the camera and not yet filed. */
export interface CapturedPage {
  id: number;
  /** As the camera gave it, full resolution. */
  photo: Blob;
  size: Size;
  /** A small copy for the strip and the crop editor. */
  preview: Blob;
  rotation: Rotation;
  crop: Crop | null;
}

export type Shot = Pick<CapturedPage, 'photo' | 'size' | 'preview'>;

export type PagesAction =
  | { type: 'add'; id: number; shot: Shot }
  | { type: 'retake'; id: number; shot: Shot }
  | { type: 'remove'; id: number }
  | { type: 'turn'; id: number; clockwise: boolean }
  | { type: 'crop'; id: number; crop: Crop | null };

const turned = (rotation: Rotation, clockwise: boolean): Rotation => ((rotation + (clockwise ? 90 : 270)) % 360) as Rotation;

/** The pages taken so far, in the order they will be filed. */
export function capturedPages(pages: readonly CapturedPage[], action: PagesAction): CapturedPage[] {
  const change = (update: (page: CapturedPage) => CapturedPage) => pages.map((page) => (page.id === action.id ? update(page) : page));
  switch (action.type) {
    case 'add':
      // A page is taken the way the one before it was turned: the camera stays where it is.
      return [...pages, { id: action.id, ...action.shot, rotation: pages.at(-1)?.rotation ?? 0, crop: null }];
    case 'retake':
      // A new photo of the same page: it keeps its place and turn; the old crop fitted the old photo.
      return change((page) => ({ ...page, ...action.shot, crop: null }));
    case 'remove':
      return pages.filter((page) => page.id !== action.id);
    case 'turn':
      return change((page) => ({ ...page, rotation: turned(page.rotation, action.clockwise), crop: page.crop && turnCrop(page.crop, action.clockwise) }));
    case 'crop':
      return change((page) => ({ ...page, crop: action.crop }));
  }
}
