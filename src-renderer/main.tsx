import './zod-config';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import './app/global.css';
import './i18n';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { StartupGate } from './features/backups/StartupGate';
import { buildTheme, cssVariablesResolver } from './app/theme';

const root = document.getElementById('root');
if (!root) throw new Error('#root ontbreekt in index.html');

function Root() {
  const { t } = useTranslation();
  const closeLabel = t('actions.close');
  const theme = useMemo(() => buildTheme(closeLabel), [closeLabel]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-right" />
      <StartupGate>
        <App />
      </StartupGate>
    </MantineProvider>
  );
}

createRoot(root).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
