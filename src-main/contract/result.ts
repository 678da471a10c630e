import { z } from 'zod';
import { errorCodes } from './errors';

export const ipcError = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type IpcError = z.infer<typeof ipcError>;

export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError };
