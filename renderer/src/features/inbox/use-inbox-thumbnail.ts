import { useEffect, useState } from 'react';
import { call } from '../../lib/api';
import { taskQueue } from '../scans/task-queue';

const thumbnails = taskQueue(4);

/** An inbox file's first page as an object URL (revoked when no longer shown); `failed` when it cannot be drawn. */
export function useInboxThumbnail(name: string, version: string, wanted: boolean): { url?: string; failed?: true } {
  const [state, setState] = useState<{ for: string; url?: string; failed?: true }>({ for: '' });
  const key = `${name}\u0000${version}`;
  useEffect(() => {
    if (!wanted) return undefined;
    let shown = true;
    let url: string | undefined;
    thumbnails(() => (shown ? call('inbox:thumbnail', { name }) : Promise.resolve(null))).then(
      (image) => {
        if (!shown || !image) return;
        url = URL.createObjectURL(new Blob([new Uint8Array(image.bytes)], { type: image.mimeType }));
        setState({ for: key, url });
      },
      () => shown && setState({ for: key, failed: true }),
    );
    return () => {
      shown = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [name, key, wanted]);
  return state.for === key ? state : {};
}
