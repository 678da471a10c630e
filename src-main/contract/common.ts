import { z } from 'zod';

export const id = z.number().int().positive();
export const byId = z.object({ id });

/** Calendar date as the ISO string `YYYY-MM-DD`. */
export const isoDate = z.iso.date();
/** Local date and time without zone, `YYYY-MM-DDTHH:mm:ss`: calls are logged in the KCC's local time. */
export const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Gebruik datum en tijd als JJJJ-MM-DDTuu:mm');
/** Moment stored by the app (audit, autosave), ISO 8601 with zone. */
export const timestamp = z.string();
/** Evaluation period: a month, `YYYY-MM`. */
export const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const shortText = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1).max(max);

export const empty = z.object({}).strict();
export const ok = z.object({ ok: z.literal(true) });
