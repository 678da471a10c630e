// STUB — being built (action points). Signatures are fixed by src-main/ipc/handlers.ts.
import type { ActionPoint, ActionStatus } from '../../contract';
import type { Db } from '../db/connection';
import { AppError } from '../errors';

const todo = (): never => {
  throw new AppError('internal', { detail: 'nog niet gebouwd' });
};
export async function listActionPoints(_db: Db, _query: { advisorId?: number; status?: ActionStatus }): Promise<ActionPoint[]> {
  return todo();
}
export async function updateActionPoint(
  _db: Db,
  _actorId: number,
  _input: { id: number; status: ActionStatus; followUpNote: string },
): Promise<ActionPoint> {
  return todo();
}
