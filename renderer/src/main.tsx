/** Renderer entry: connect to the core (IPC bridge or HTTP harness) and mount the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/ApiProvider';
import { connect } from './api/transport';
import { App } from './app/App';
import './styles/base.css';
import './styles/controls.css';
import './styles/start.css';
import './styles/workspace.css';
import './styles/lists.css';
import './styles/forms.css';
import './styles/import.css';
import './styles/people.css';
import './styles/review.css';
import './styles/coding.css';
import './styles/retrieval.css';
import './styles/memos.css';
import './styles/dark.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ApiProvider connection={connect()}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
