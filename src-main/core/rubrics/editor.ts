// STUB — being built (rubric editor). Signatures are fixed by src-main/ipc/handlers.ts.
import type { Answer, RubricDefinition, RubricSummary, RubricVersion, ScoreResult } from '../../contract';
import type { Db } from '../db/connection';
import { AppError } from '../errors';

const todo = (): never => {
  throw new AppError('internal', { detail: 'nog niet gebouwd' });
};
export async function listRubrics(_db: Db): Promise<RubricSummary[]> {
  return todo();
}
export async function createRubric(_db: Db, _def: RubricDefinition): Promise<RubricVersion> {
  return todo();
}
export async function saveRubricDraft(_db: Db, _versionId: number, _def: RubricDefinition): Promise<RubricVersion> {
  return todo();
}
export async function publishRubricVersion(_db: Db, _versionId: number): Promise<RubricVersion> {
  return todo();
}
export async function newRubricDraft(_db: Db, _rubricId: number): Promise<RubricVersion> {
  return todo();
}
export async function discardRubricDraft(_db: Db, _versionId: number): Promise<void> {
  return todo();
}
export async function rubricDefinitionOf(_db: Db, _versionId: number): Promise<RubricDefinition> {
  return todo();
}
export async function exportRubric(_db: Db, _versionId: number): Promise<{ fileName: string; json: string }> {
  return todo();
}
export async function importRubric(_db: Db, _fileName: string, _text: string): Promise<RubricVersion> {
  return todo();
}
export async function previewScore(_db: Db, _versionId: number, _answers: readonly Answer[]): Promise<ScoreResult> {
  return todo();
}
