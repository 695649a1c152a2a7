import '@fontsource-variable/inter/wght.css';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme';
import './styles/app.css';
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

void initI18n().then(render, render);
