import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput, DataTopic } from '@contract';
import { api, ApiError } from './client';

const listeners = new Set<(topics: DataTopic[]) => void>();
let unsubscribe: (() => void) | null = null;

/** One event subscription for the whole renderer, fanned out to the queries on screen. */
function watchChanges(listener: (topics: DataTopic[]) => void): () => void {
  listeners.add(listener);
  unsubscribe ??= api.onDataChanged((topics) => listeners.forEach((l) => l(topics)));
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      unsubscribe?.();
      unsubscribe = null;
    }
  };
}

export interface ChannelState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

/**
 * Reads a channel and reads it again whenever main reports a write to one of `topics`.
 * Pass `null` as input to skip (e.g. while an id is not known yet).
 */
export function useChannel<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C> | null,
  topics: DataTopic[],
): ChannelState<ChannelOutput<C>> {
  const key = JSON.stringify(input);
  const [state, setState] = useState<{ key: string; data: ChannelOutput<C> | undefined; error: ApiError | null }>({
    key: '',
    data: undefined,
    error: null,
  });
  const generation = useRef(0);

  const load = useCallback(() => {
    if (key === 'null') return;
    const mine = ++generation.current;
    api
      .call(channel, JSON.parse(key) as ChannelInput<C>)
      .then((data) => {
        if (mine === generation.current) setState({ key, data, error: null });
      })
      .catch((e: unknown) => {
        const error = e instanceof ApiError ? e : new ApiError('internal', { detail: String(e) }, String(e));
        if (mine === generation.current) setState((prev) => ({ key, data: prev.key === key ? prev.data : undefined, error }));
      });
  }, [channel, key]);

  useEffect(load, [load]);
  const topicKey = topics.join(',');
  useEffect(() => watchChanges((changed) => changed.some((t) => topicKey.split(',').includes(t)) && load()), [load, topicKey]);

  // Data of a previous input stays visible while the new one loads, so screens do not flicker.
  return { data: state.data, error: state.error, loading: key !== 'null' && state.key !== key, reload: load };
}
