import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { helpPage } from './help-page';
import { inlineShellStyle } from './shell-style';

const root = fileURLToPath(new URL('.', import.meta.url));

// Vite 8 compiles TSX with oxc; @vitejs/plugin-react (Fast Refresh only) is left out because its
// optional peers don't resolve with npm 11 here (see docs/decisions/0001-toolchain.md).
export default defineConfig({
  root,
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: { conditions: ['source'] },
  plugins: [
    inlineShellStyle(),
    helpPage(),
    // A service worker keeps the shell and the help page for when there is no network, and the
    // manifest lets the forum be added to a phone's home screen (docs/decisions/0012). Registered
    // from main.tsx (no inline script: the CSP allows none).
    VitePWA({
      injectRegister: false,
      registerType: 'autoUpdate',
      manifestFilename: 'manifest.webmanifest',
      manifest: {
        name: 'Erfaringsforum',
        short_name: 'Erfaringsforum',
        description: 'Et forum og en digital erfaringskafé for erfaringspanelet i psykisk helse.',
        lang: 'nb',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f6f8f7',
        theme_color: '#0d7a5f',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        ],
      },
      workbox: {
        // The app's code, styles, pages and icons; not the fonts (the system font stands in offline).
        globPatterns: ['**/*.{js,css,html,png,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/socket\.io\//, /^\/embed\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
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
