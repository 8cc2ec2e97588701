import type { ScanMediaType } from '../../../../shared/contract/scan';

export { scanMediaTypes, type ScanMediaType } from '../../../../shared/contract/scan';

/** What a scan is, learnt from its bytes. */
export interface ScanInspection {
  mediaType: ScanMediaType;
  /** Pages in the file: 1 for an image, the pages of a multi-page TIFF or of a PDF. */
  pages: number;
  /** Pixels of the (first) page; a PDF has no pixel size. */
  width?: number;
  height?: number;
}

/** Width and height of an image, in pixels. */
export interface PixelSize {
  width: number;
  height: number;
}
