import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import studioPlugins from 'virtual:trellis-plugins';
import { App } from './app/App.js';
import { loadStudioPlugins } from './plugins/studio-plugins.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/rules.css';
import './styles/auth.css';
import './styles/admin.css';
import './styles/access.css';
import './styles/runs.css';
import './styles/inbox.css';
import './styles/workflows.css';

// Plugins first: their field types, operations and widgets must be known before any document is read.
void loadStudioPlugins(studioPlugins).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
