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
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'http://localhost:3000', ws: true } },
  },
});
