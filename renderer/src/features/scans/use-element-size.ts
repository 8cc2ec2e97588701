import { useEffect, useState } from 'react';
import type { Size } from './zoom';

/** A ref callback for an element, and its inner size, kept up to date as the window is resized. */
export function useElementSize<T extends HTMLElement>(): [(node: T | null) => void, Size] {
  const [node, setNode] = useState<T | null>(null);
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  useEffect(() => {
    if (!node) return undefined;
    const observer = new ResizeObserver(() => setSize({ width: node.clientWidth, height: node.clientHeight }));
    observer.observe(node);
    return () => observer.disconnect();
  }, [node]);
  return [setNode, size];
}
