import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Vite 8 compiles TSX with oxc; @vitejs/plugin-react (Fast Refresh only) is left out because its
// optional peers don't resolve with npm 11 here (see docs/decisions/0001-toolchain.md).
export default defineConfig({
  root,
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: { conditions: ['source'] },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    // The manifest lets test/web/bundle-size.spec.ts find the entry and its static imports.
    manifest: true,
    rolldownOptions: {
      // Designsystemet's React package declares no "sideEffects", so bundlers keep every component
      // (and everything they import) in whichever chunk first touches it. Its React modules are
      // pure; only @digdir/designsystemet-web (custom elements) must run for its side effects.
      treeshake: {
        moduleSideEffects: (id: string) =>
          !/node_modules[\\/](@digdir[\\/]designsystemet-react|@navikt[\\/]aksel-icons|@radix-ui|@tanstack|@floating-ui)[\\/]/.test(
            id,
          ),
      },
      // Designsystemet's icon package marks every module "use client" (meaningless in a SPA).
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'http://localhost:3000', ws: true } },
  },
});
