import { z } from 'zod';
import { dataTopics } from './channels';

/** Events main pushes to every window (Electron IPC or server-sent events). */
export const events = {
  'data.changed': z.object({ topics: z.array(z.enum(dataTopics)) }),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
