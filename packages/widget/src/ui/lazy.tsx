// Parts of the panel few visitors need (the menu's items, the rating, the email ask, the forms), fetched as
// chunks of their own when first shown, each with its own styles.

import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type Locale, loadMoreStrings } from '../i18n.ts';

/** What a lazily loaded part gives: its component, and the styles only it needs. */
export interface Part<P> {
  component: ComponentType<P>;
  css?: string;
}

/** The shadow root the panel lives in: parts add their styles there, once each. */
let styleRoot: ShadowRoot | null = null;
let styled = new Set<string>();
let locale: Locale = 'en';

/** Where parts add their styles, and whose words they need. */
export function prepareParts(root: ShadowRoot, lang: Locale): void {
  if (root !== styleRoot) styled = new Set();
  styleRoot = root;
  locale = lang;
}

function addStyle(css: string | undefined): void {
  if (!css || !styleRoot || styled.has(css)) return;
  styled.add(css);
  const style = document.createElement('style');
  style.textContent = css;
  styleRoot.append(style);
}

/**
 * A component that renders nothing until its chunk has arrived (with the rest of the visitor's words when `words`);
 * a failed fetch is tried again at the next mount.
 */
export function lazy<P extends object>(fetchPart: () => Promise<Part<P>>, words = false): ComponentType<P> {
  const load = () => (words ? loadMoreStrings(locale).then(fetchPart) : fetchPart());
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<Part<P>> | undefined;
  return function Lazy(props: P) {
    const [, setReady] = useState(false);
    const Component = loaded;
    // What this render saw decides, not what has arrived since: a part that came between the render and
    // this effect still needs the render that shows it (the resolved promise gives it at once).
    useEffect(() => {
      if (Component) return;
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
    return Component ? <Component {...props} /> : null;
  };
}
