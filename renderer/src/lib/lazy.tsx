import { lazy, useState, type ComponentProps, type ComponentType } from 'react';

// Any props: React types lazy() itself over ComponentType<any>; the props stay those of the component.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyComponent = ComponentType<any>;

export type Preloadable<C extends AnyComponent> = ComponentType<ComponentProps<C>> & {
  /** Starts loading the component's chunk now, so that its first render does not wait. */
  preload(): void;
};

/**
 * A named component export loaded on demand: the module becomes a chunk of its own, loaded when the
 * component first renders (inside a Suspense boundary) or when `preload` is called. Once loaded, it
 * renders at once – React.lazy alone would still suspend for a tick and show the fallback, which
 * React then keeps for at least 300 ms.
 */
export function lazyNamed<M extends Record<K, AnyComponent>, K extends keyof M>(load: () => Promise<M>, name: K): Preloadable<M[K]> {
  let loaded: M[K] | undefined;
  const loadComponent = async () => (loaded = (await load())[name]);
  const Lazy = lazy(async () => ({ default: await loadComponent() }));
  function OnDemand(props: ComponentProps<M[K]>) {
    // Chosen once per mounted instance: switching from Lazy to the loaded component would remount.
    const [Component] = useState<AnyComponent>(() => loaded ?? Lazy);
    return <Component {...props} />;
  }
  return Object.assign(OnDemand, { preload: () => void loadComponent() });
}
