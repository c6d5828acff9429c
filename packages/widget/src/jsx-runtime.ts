// The automatic JSX runtime of the script tag's build, on Preact's own createElement: Preact's jsx-runtime has a
// vnode factory of its own that the widget does not need (32 B gzipped less for the UI chunk).
// vite.embed.config.ts points `preact/jsx-runtime` here; the npm build and the tests keep Preact's.

import { createElement, Fragment } from 'preact';
// Every module with JSX thereby depends on Preact's hooks too. Without it, a lazy chunk with JSX and no hooks of its
// own made the bundler move Preact out of the UI chunk into a chunk of its own (about 400 B more gzipped).
import { useState } from 'preact/hooks';

export { useState };

/** jsx(type, props, key): a key, when given, goes back into the props, where createElement takes it from. */
export const jsx = (type: string, props: Record<string, unknown> | null, key?: unknown) =>
  createElement(type, key === undefined ? props : { ...props, key });

export { Fragment, jsx as jsxs, jsx as jsxDEV };
