// Parts of the panel few visitors need (the menu, the rating, the email ask, the forms, the preview), fetched as
// chunks of their own when first shown, each with its own styles.

import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** What a lazily loaded part gives: its component, and the styles only it needs. */
export interface Part<P> {
  component: ComponentType<P>;
  css?: string;
}

/** The shadow root the panel lives in: parts add their styles there. */
let styleRoot: ShadowRoot | null = null;
const styled = new WeakMap<ShadowRoot, Set<string>>();

export function setStyleRoot(root: ShadowRoot): void {
  styleRoot = root;
}

function addStyle(css: string | undefined): void {
  const root = styleRoot;
  if (!css || !root) return;
  const added = styled.get(root) ?? new Set<string>();
  styled.set(root, added);
  if (added.has(css)) return;
  added.add(css);
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
}

/** A component that renders nothing until its chunk has arrived; a failed fetch is tried again at the next mount. */
export function lazy<P extends object>(load: () => Promise<Part<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<Part<P>> | undefined;
  return function Lazy(props: P) {
    const [, setReady] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      (loading ??= load()).then(
        (part) => {
          addStyle(part.css);
          loaded = part.component;
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
