import { useEffect, useState } from 'react';

/** The height a page's main table may scroll in: the window less the header, toolbar and footer. */
export function useTableHeight(reserved = 300): number {
  const measure = () => Math.max(240, window.innerHeight - reserved);
  const [height, setHeight] = useState(measure);
  useEffect(() => {
    const update = () => setHeight(Math.max(240, window.innerHeight - reserved));
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [reserved]);
  return height;
}
