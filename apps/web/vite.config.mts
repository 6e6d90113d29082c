import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The officers', reviewers' and administrators' screens. Vite 8 compiles TSX itself (Oxc), so no
 * React plugin is needed; the pure domain lib and the
 * API's response types (contracts) are shared with the API through the same aliases.
 */
const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig(({ command }) => ({
  root: here,
  base: '/',
  resolve: {
    // types only from contracts (erased), but aliased like the domain lib so a value import would resolve too
    alias: { '@app/contracts': resolve(here, '../../libs/contracts/src'), '@app/domain': resolve(here, '../../libs/domain/src') },
  },
  // the dev runtime (jsxDEV, owner stacks) only on the dev server: it costs several times the render time
  oxc: { jsx: { runtime: 'automatic', development: command === 'serve' } },
  build: {
    outDir: resolve(here, '../../dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    // Ant Design is one large vendor chunk; screens and ExcelJS are split and loaded on demand
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Ant Design marks its modules "use client" (for React Server Components); meaningless in an SPA
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
}));
