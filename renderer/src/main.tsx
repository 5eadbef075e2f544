import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashHistory } from '@tanstack/react-router';
import { chooseTransport } from './api/choose-transport';
import { App } from './app/App';
import './app/styles/tokens.css';
import './app/styles/base.css';
import './app/styles/overlays.css';
import './app/styles/shell.css';
import './app/styles/roster.css';
import './app/styles/pages.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// The token must leave the address bar before the router starts reading the hash as a route.
const transport = chooseTransport(window);
if (transport) {
  createRoot(root).render(
    <StrictMode>
      <App transport={transport} history={createHashHistory()} />
    </StrictMode>,
  );
} else {
  root.innerHTML =
    '<div class="fullscreen"><div class="state-panel" role="alert"><h1 class="state-title">Open GroupDesk from the address it printed</h1>' +
    '<p>This page was opened without its access token. Start GroupDesk with <code>npm run web</code> and open the address it prints, ' +
    'including everything after the # sign.</p></div></div>';
}
