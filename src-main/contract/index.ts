export * from './channels';
export * from './common';
export * from './errors';
export * from './evaluations';
export * from './events';
export * from './markers';
export * from './recordings';
export * from './result';
export * from './rubrics';
export * from './session';
export * from './staff';

/** The surface the preload exposes as `window.klankbord` (and the web client mimics). */
export interface KlankbordBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  upload(fileName: string, bytes: ArrayBuffer): Promise<unknown>;
}
