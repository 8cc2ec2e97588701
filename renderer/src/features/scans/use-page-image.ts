import { useEffect, useState } from 'react';
import type { ScanImageSize } from '../../../../shared/contract';
import { ApiError, call } from '../../lib/api';
import { taskQueue } from './task-queue';

export interface PageImage {
  /** An object URL of the image's bytes, revoked when the page is no longer shown. */
  url?: string;
  width?: number;
  height?: number;
  /** The image could not be made (the reason, when the core gave one). */
  failed?: true;
  error?: ApiError;
}

// Thumbnails wait their turn; the page in the viewer is asked for at once.
const thumbnails = taskQueue(4);

/** A page drawn as an image, while `wanted` (shown, or about to be); null: no page. */
export function usePageImage(pageId: number | null, size: ScanImageSize, wanted = true): PageImage {
  const key = pageId === null ? '' : `${pageId}:${size}`;
  const [state, setState] = useState<PageImage & { for: string }>({ for: '' });

  useEffect(() => {
    if (pageId === null || !wanted) return undefined;
    let shown = true;
    let url: string | undefined;
    const ask = () => (shown ? call('scan:page-image', { pageId, size }) : Promise.resolve(null));
    (size === 'thumbnail' ? thumbnails(ask) : ask()).then(
      (image) => {
        if (!shown || !image) return;
        url = URL.createObjectURL(new Blob([new Uint8Array(image.bytes)], { type: image.mimeType }));
        setState({ for: `${pageId}:${size}`, url, width: image.width, height: image.height });
      },
      (failure: unknown) => {
        if (shown) setState({ for: `${pageId}:${size}`, failed: true, ...(failure instanceof ApiError ? { error: failure } : {}) });
      },
    );
    return () => {
      shown = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [pageId, size, wanted]);

  return state.for === key ? state : {};
}
