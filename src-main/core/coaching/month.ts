// STUB — being built. Signatures are fixed by src-main/ipc/handlers.ts.
import type { MyMonth, TeamOverview } from '../../contract';
import type { Db } from '../db/connection';
import { AppError } from '../errors';

const todo = (): never => {
  throw new AppError('internal', { detail: 'nog niet gebouwd' });
};
export async function myMonth(_db: Db, _coachId: number, _period: string): Promise<MyMonth> {
  return todo();
}
export async function teamOverview(_db: Db, _period: string, _asOf: string): Promise<TeamOverview> {
  return todo();
}
