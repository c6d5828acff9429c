// Builds the example app with the repository's Vite; @livechat/widget resolves to the workspace package (its built npm module).

import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default {
  root: here('.'),
  resolve: { alias: { '@livechat/widget': here('../../packages/widget') } },
  build: { outDir: here('./dist'), emptyOutDir: true },
};
