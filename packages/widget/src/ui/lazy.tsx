// Parts of the panel few visitors need (the rating, the email ask, the forms), fetched as chunks of their own when first shown.

import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A component that renders nothing until its chunk has arrived; a failed fetch is tried again at the next mount. */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  return function Lazy(props: P) {
    const [, setReady] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      (loading ??= load()).then(
        (component) => {
          loaded = component;
          if (live) setReady(true);
        },
        () => (loading = undefined),
      );
      return () => {
        live = false;
      };
    }, []);
    const Component = loaded;
    return Component ? <Component {...props} /> : null;
  };
}
