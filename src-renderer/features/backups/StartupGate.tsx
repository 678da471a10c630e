import { Center, Loader } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import type { AppStatus } from '@contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { loadAppStatus, StartupProblemPage } from './StartupProblemPage';

/** Renders the app only when its data folder opened; otherwise the way out (never a white window). */
export function StartupGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    loadAppStatus()
      .then(setStatus)
      .catch((e: unknown) => setError(e instanceof Error ? e : new Error(String(e))));
  }, []);

  if (error) return <ErrorAlert error={error} />;
  if (!status) {
    return (
      <Center h="100vh">
        <Loader aria-label="Laden" />
      </Center>
    );
  }
  if (status.state === 'failed') return <StartupProblemPage status={status} onRetry={() => window.location.reload()} />;
  return <>{children}</>;
}
