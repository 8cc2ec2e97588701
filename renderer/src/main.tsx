import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { askCoreEarly } from './app/SessionProvider';
import { currentLanguage } from './i18n';
import './styles.css';

document.documentElement.lang = currentLanguage();

askCoreEarly();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
