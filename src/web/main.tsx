import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createQueryClient } from './app.js';
import { initI18n, initialLanguage } from './i18n/i18n.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';

/** Registers the service worker that keeps the application shell available offline. */
function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Without a service worker the app still works online; nothing to tell the user.
    });
  });
}

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (root === null) throw new Error('index.html has no #root');
  // The language is loaded before the first render, so no one sees another language flash.
  await initI18n(initialLanguage());
  createRoot(root).render(
    <StrictMode>
      <App queryClient={createQueryClient()} />
    </StrictMode>,
  );
}

registerServiceWorker();
void start();
