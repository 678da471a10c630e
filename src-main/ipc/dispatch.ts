import { z } from 'zod';
import {
  channels,
  formatError,
  hostChannelNames,
  type ChannelName,
  type HostChannelName,
  isChannelName,
  type DataTopic,
  type ErrorCode,
  type ErrorParams,
  type EventName,
  type EventPayload,
  type IpcResult,
} from '../contract';
import type { Core } from '../core/app';
import { AppError } from '../core/errors';
import { currentProfileId } from '../core/session/session';
import { emptySlot, signedInViewer, signInRequired, type Viewer } from '../core/session/sign-in';
import { guardChannel } from '../core/team/access';
import { handlers, type HandlerContext } from './handlers';

// Validation messages reach coaches: let zod speak Dutch.
z.config(z.locales.nl());

export type ChangeListener = (topics: DataTopic[]) => void;
/** Events a handler emits while it runs (e.g. `scan.progress`), for the transport to push to every window. */
export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface Dispatcher {
  dispatch(channel: string, rawInput: unknown): Promise<IpcResult<unknown>>;
  /** Called after every successful write with the topics it touched. */
  onChange(listener: ChangeListener): () => void;
  onEvent(listener: EventListener): () => void;
  /** Who signed in through this dispatcher (null: nobody, or sign-in is off); the host's team channels ask it. */
  viewer(): Promise<Viewer | null>;
}

export const failure = (code: ErrorCode, params: ErrorParams = {}): IpcResult<never> => ({
  ok: false,
  error: { code, params, message: formatError(code, params, 'nl') },
});

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export const isHostChannel = (channel: ChannelName): channel is HostChannelName =>
  (hostChannelNames as readonly string[]).includes(channel);

/**
 * Runs one channel: validates the input against the contract, runs it, checks the output, and
 * turns every outcome into a typed result with a Dutch message. Never throws.
 */
export async function runChannel(
  channel: ChannelName,
  rawInput: unknown,
  run: (input: unknown) => Promise<unknown>,
  log: (message: string, error: unknown) => void,
): Promise<IpcResult<unknown>> {
  const spec = channels[channel];
  const input = spec.input.safeParse(rawInput ?? {});
  if (!input.success) return failure('invalid_input', { detail: describeIssues(input.error) });
  try {
    return { ok: true, data: spec.output.parse(await run(input.data)) };
  } catch (error) {
    if (error instanceof AppError) return failure(error.code, error.params);
    log(`Kanaal ${channel} mislukte`, error);
    return failure('internal', { detail: error instanceof Error ? error.message.slice(0, 200) : 'onbekende fout' });
  }
}

/**
 * The single entry point both transports use: validate the input against the contract, run the
 * core, and turn every outcome into a typed result with a Dutch message. Never throws.
 */
export function createDispatcher(core: Core, log: (message: string, error: unknown) => void = console.error): Dispatcher {
  const listeners = new Set<ChangeListener>();
  const eventListeners = new Set<EventListener>();
  // Who signed in here, when sign-in is required: this process's, never shared through the database.
  const slot = emptySlot();
  const profileId = async () => ((await signInRequired(core)) ? ((await signedInViewer(core, slot))?.id ?? null) : currentProfileId(core));
  const ctx: HandlerContext = {
    slot,
    core,
    emit: (event, payload) => {
      for (const listener of eventListeners) {
        try {
          listener(event, payload);
        } catch (error) {
          log(`Gebeurtenis ${event} kon niet worden doorgegeven`, error);
        }
      }
    },
    profileId,
    actorId: async () => {
      const id = await profileId();
      if (id === null) throw new AppError((await signInRequired(core)) ? 'sign_in_required' : 'no_profile');
      return id;
    },
  };

  async function dispatch(channel: string, rawInput: unknown): Promise<IpcResult<unknown>> {
    if (!isChannelName(channel) || isHostChannel(channel)) return failure('unknown_channel', { channel: channel.slice(0, 80) });
    const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
    const result = await runChannel(
      channel,
      rawInput,
      async (input) => {
        // Access is decided here, once for every channel, before any handler runs (core/team/access.ts).
        const guarded = await guardChannel(core, slot, channel, input);
        return guarded.filter(await handler(guarded.input, ctx));
      },
      log,
    );
    const spec = channels[channel];
    const writes: readonly DataTopic[] | undefined = 'writes' in spec ? spec.writes : undefined;
    if (result.ok && writes) for (const listener of listeners) listener([...writes]);
    return result;
  }

  return {
    dispatch,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    viewer: () => signedInViewer(core, slot),
  };
}

/**
 * Audio is streamed outside the channels (media route, media protocol), so it asks the same
 * guard through the channel that opens the call: a coach cannot play another team's call by id.
 * Null when it may be streamed; other errors (not found) are left to the stream itself.
 */
export async function mediaRefusal(
  dispatch: Dispatcher['dispatch'],
  kind: 'recording' | 'source',
  id: number,
): Promise<{ code: string; message: string } | null> {
  const result = kind === 'recording' ? await dispatch('recordings.get', { id }) : await dispatch('sources.list', {});
  if (result.ok || (result.error.code !== 'sign_in_required' && result.error.code !== 'access_denied')) return null;
  return { code: result.error.code, message: result.error.message };
}
