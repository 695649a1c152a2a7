import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  return (
    <main>
      <h1>Erfaringsforum</h1>
      <p>Et åpent og et lukket forum og en digital erfaringskafé for erfaringspanelet i psykisk helse.</p>
      <p>
        <a href="/api/docs">API</a>
      </p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
