import { z } from 'zod';
import { dataTopics } from './channels';

/** Events main pushes to every window (Electron IPC or server-sent events). */
export const events = {
  'data.changed': z.object({ topics: z.array(z.enum(dataTopics)) }),
  /** A source scan under way: audio files met so far (`expected`: the index size before the run, null on the first scan). */
  'scan.progress': z.object({
    sourceId: z.number().int(),
    runId: z.number().int().nullable(),
    count: z.number().int(),
    expected: z.number().int().nullable(),
    done: z.boolean(),
  }),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
