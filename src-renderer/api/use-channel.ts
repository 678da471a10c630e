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
export function useChannel<C extends ChannelName>(channel: C, input: ChannelInput<C> | null, topics: DataTopic[]): ChannelState<ChannelOutput<C>> {
  const [data, setData] = useState<ChannelOutput<C>>();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(input !== null);
  const key = JSON.stringify(input);
  const generation = useRef(0);

  const load = useCallback(() => {
    if (key === 'null') return;
    const mine = ++generation.current;
    setLoading(true);
    api
      .call(channel, JSON.parse(key) as ChannelInput<C>)
      .then((result) => {
        if (mine !== generation.current) return;
        setData(result);
        setError(null);
      })
      .catch((e: unknown) => {
        if (mine === generation.current) setError(e instanceof ApiError ? e : new ApiError('internal', { detail: String(e) }, String(e)));
      })
      .finally(() => {
        if (mine === generation.current) setLoading(false);
      });
  }, [channel, key]);

  useEffect(load, [load]);
  const topicKey = topics.join(',');
  useEffect(() => watchChanges((changed) => changed.some((t) => topicKey.split(',').includes(t)) && load()), [load, topicKey]);

  return { data, error, loading, reload: load };
}
