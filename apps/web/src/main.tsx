import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app';
import { AnnouncerProvider } from './components/announcer';
import { initI18n } from './i18n';
import { SessionProvider } from './session';

function render() {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <BrowserRouter>
        <AnnouncerProvider>
          <SessionProvider>
            <App />
          </SessionProvider>
        </AnnouncerProvider>
      </BrowserRouter>
    </StrictMode>,
  );
}

// The styles load as a chunk of their own, so they don't block the first paint of index.html's
// shell; React renders once they and the language are in (Vite resolves the import after the CSS
// has loaded, so nothing is shown unstyled).
const ready = Promise.all([import('./styles'), initI18n().catch(() => undefined)]);
void ready.then(render, render);

// The service worker (vite-plugin-pwa, dist/web/sw.js) keeps the shell and /hjelp for offline use.
if (import.meta.env.PROD && 'serviceWorker' in navigator)
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
