// STUB — being built (disputes and second opinions). Signatures are fixed by src-main/ipc/handlers.ts.
import type { Dispute, DisputeOutcome, Evaluation } from '../../contract';
import type { Db } from '../db/connection';
import { AppError } from '../errors';

const todo = (): never => {
  throw new AppError('internal', { detail: 'nog niet gebouwd' });
};
export async function raiseDispute(
  _db: Db,
  _actorId: number,
  _input: { evaluationId: number; reason: string; secondCoachId: number },
): Promise<Dispute> {
  return todo();
}
export async function listDisputes(
  _db: Db,
  _query: { evaluationId?: number; secondCoachId?: number; openOnly: boolean },
): Promise<Dispute[]> {
  return todo();
}
export async function startSecondOpinion(_db: Db, _actorId: number, _disputeId: number): Promise<Evaluation> {
  return todo();
}
export async function decideDispute(
  _db: Db,
  _actorId: number,
  _input: { id: number; outcome: DisputeOutcome; note: string },
): Promise<Dispute> {
  return todo();
}
/** Throws `evaluation_blind` when the actor is making a blind second opinion on this evaluation's call. */
export async function assertNotBlind(_db: Db, _profileId: number | null, _evaluationId: number): Promise<void> {}
