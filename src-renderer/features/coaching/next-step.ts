import type { NextStep } from '@contract';
import { api } from '../../api/client';

/**
 * The evaluation a "next call" leads to: the draft itself, or a new (or resumed) draft on the
 * call, after bringing a sampled call from its source folder into the store.
 */
export async function evaluationForNextStep(next: NextStep): Promise<number> {
  if (next.kind === 'draft') return next.evaluationId;
  const recordingId = next.kind === 'recording' ? next.recordingId : (await api.call('samples.bringIntoStore', { itemId: next.itemId })).id;
  return (await api.call('evaluations.start', { recordingId })).id;
}
