import { create } from 'zustand';
import type { CallDetails, Suggestion } from '@contract';
import { api, ApiError } from '../../api/client';

export type RowStatus = 'pending' | 'uploading' | 'imported' | 'duplicate' | 'error';

export interface ImportRow {
  key: string;
  file: File;
  details: CallDetails;
  suggestion: Suggestion | null;
  status: RowStatus;
  message: string | null;
  recordingId: number | null;
}

interface ImportQueue {
  rows: ImportRow[];
  running: boolean;
  add(files: File[]): Promise<void>;
  update(key: string, details: CallDetails): void;
  remove(key: string): void;
  run(): Promise<void>;
  reset(): void;
}

let counter = 0;

/**
 * The import batch: files are listed with details prefilled from their names, then uploaded and
 * imported one by one; a bad file gets its reason and the batch goes on.
 */
export const useImportQueue = create<ImportQueue>((set, get) => ({
  rows: [],
  running: false,
  async add(files) {
    if (files.length === 0) return;
    const suggestions = await api.call('recordings.suggest', { fileNames: files.map((f) => f.name.slice(0, 255)) }).catch(() => []);
    const rows: ImportRow[] = files.map((file, i) => {
      const suggestion = suggestions[i] ?? null;
      return {
        key: `${++counter}`,
        file,
        suggestion,
        details: { advisorId: suggestion?.advisorId ?? null, callAt: suggestion?.callAt ?? null, topic: suggestion?.topic ?? null },
        status: 'pending',
        message: null,
        recordingId: null,
      };
    });
    set({ rows: [...get().rows.filter((r) => r.status === 'pending'), ...rows] });
  },
  update(key, details) {
    set({ rows: get().rows.map((r) => (r.key === key ? { ...r, details } : r)) });
  },
  remove(key) {
    set({ rows: get().rows.filter((r) => r.key !== key) });
  },
  async run() {
    set({ running: true });
    const patch = (key: string, change: Partial<ImportRow>) =>
      set({ rows: get().rows.map((r) => (r.key === key ? { ...r, ...change } : r)) });
    for (const row of get().rows.filter((r) => r.status === 'pending')) {
      patch(row.key, { status: 'uploading' });
      try {
        const { uploadId } = await api.upload(row.file);
        const result = await api.call('recordings.import', { uploadId, fileName: row.file.name.slice(0, 255), ...row.details });
        patch(row.key, { status: result.status, recordingId: result.recording.id });
      } catch (error) {
        patch(row.key, { status: 'error', message: error instanceof ApiError || error instanceof Error ? error.message : String(error) });
      }
    }
    set({ running: false });
  },
  reset() {
    set({ rows: [], running: false });
  },
}));
