import { Button, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { notifyError } from '../../components/notify';

/** Starts (or resumes) the profile's blind scoring of the session's call and opens it on the evaluation screen. */
export function StartScoringButton({
  sessionId,
  label,
  ariaLabel,
  ...props
}: { sessionId: number; label: string; ariaLabel?: string } & ButtonProps) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    try {
      const evaluation = await api.call('calibration.start', { id: sessionId });
      await navigate(`/evaluations/${evaluation.id}`);
    } catch (error) {
      notifyError(error);
      setBusy(false);
    }
  };
  return (
    <Button {...props} loading={busy} onClick={() => void start()} aria-label={ariaLabel} data-testid="start-scoring">
      {label}
    </Button>
  );
}
