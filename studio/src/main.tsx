import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
