import { Center, Loader } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useAppStatus } from '../../app/app-status-store';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StartupProblemPage } from './StartupProblemPage';

/** Renders the app only when its data folder opened; otherwise the way out (never a white window). */
export function StartupGate({ children }: { children: ReactNode }) {
  const { status, load } = useAppStatus();
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    load().catch((e: unknown) => setError(e instanceof Error ? e : new Error(String(e))));
  }, [load]);

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
