// STUB — being built (feedback sessions). Signatures are fixed by src-main/ipc/handlers.ts.
import type { FeedbackPreparation, FeedbackSession, FeedbackSessionInput } from '../../contract';
import type { Db } from '../db/connection';
import { AppError } from '../errors';

const todo = (): never => {
  throw new AppError('internal', { detail: 'nog niet gebouwd' });
};
export async function prepareFeedback(_db: Db, _advisorId: number): Promise<FeedbackPreparation> {
  return todo();
}
export async function recordFeedbackSession(_db: Db, _coachId: number, _input: FeedbackSessionInput): Promise<FeedbackSession> {
  return todo();
}
export async function listFeedbackSessions(_db: Db, _advisorId: number): Promise<FeedbackSession[]> {
  return todo();
}
export async function getFeedbackSession(_db: Db, _id: number): Promise<FeedbackSession> {
  return todo();
}
