import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftInput, ScoreResult } from '@contract';
import { api, ApiError } from '../../api/client';

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed'; message: string };

const DELAY_MS = 400;

/**
 * Saves the draft shortly after every change, one save at a time, and flushes on leaving the
 * screen, so a reload or crash loses at most the last keystrokes. Every save names the revision it
 * builds on: when the draft was saved elsewhere since (a second workstation), the save is refused
 * with a conflict instead of silently overwriting, and not retried.
 */
export function useAutosave(initialRevision: number, onSaved: (result: ScoreResult) => void) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const pending = useRef<DraftInput | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const revision = useRef(initialRevision);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) await inFlight.current;
    const draft = pending.current;
    if (!draft) return;
    pending.current = null;
    setState({ kind: 'saving' });
    inFlight.current = api
      .call('evaluations.saveDraft', { ...draft, expectedRevision: revision.current })
      .then((saved) => {
        revision.current = saved.revision;
        setState({ kind: 'saved', at: saved.savedAt });
        onSavedRef.current(saved.result);
      })
      .catch((error: unknown) => {
        // Keep the unsaved draft so the next change or flush tries again; a conflict would only repeat.
        if (!(error instanceof ApiError && error.code === 'edit_conflict')) pending.current ??= draft;
        setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => {
        inFlight.current = null;
      });
    await inFlight.current;
  }, []);

  const schedule = useCallback(
    (draft: DraftInput) => {
      pending.current = draft;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    const beforeUnload = () => void flush();
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      void flush();
    };
  }, [flush]);

  return { state, schedule, flush, revision: () => revision.current };
}
