import {
  formatError,
  type ChannelInput,
  type ChannelName,
  type ChannelOutput,
  type DataTopic,
  type ErrorCode,
  type ErrorParams,
  type EventName,
  type EventPayload,
  type IpcResult,
  type KlankbordBridge,
  type Language,
  type UploadResult,
} from '@contract';

declare global {
  interface Window {
    klankbord?: KlankbordBridge;
  }
}

/** A failed call, with the message already in the person's language. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let language: Language = 'nl';
export const setErrorLanguage = (lang: Language) => {
  language = lang;
};

/** Electron gives us the preload bridge; in web mode the same calls go over HTTP to 127.0.0.1. */
const electron = window.klankbord;

const httpBridge: KlankbordBridge = {
  async invoke(channel, input) {
    const res = await fetch(`/ipc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.json();
  },
  subscribe(event, listener) {
    const source = new EventSource('/events');
    const handler = (e: MessageEvent<string>) => listener(JSON.parse(e.data));
    source.addEventListener(event, handler);
    return () => source.close();
  },
  async upload(fileName, bytes) {
    const res = await fetch(`/upload?name=${encodeURIComponent(fileName)}`, { method: 'POST', body: bytes, credentials: 'same-origin' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.json();
  },
};

const bridge: KlankbordBridge = electron ?? httpBridge;

function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.data;
  const { code, params } = result.error;
  throw new ApiError(code, params, formatError(code, params, language));
}

export const api = {
  async call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    let result: IpcResult<ChannelOutput<C>>;
    try {
      result = (await bridge.invoke(channel, input)) as IpcResult<ChannelOutput<C>>;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new ApiError('internal', { detail }, formatError('internal', { detail }, language));
    }
    return unwrap(result);
  },
  async upload(file: File): Promise<UploadResult> {
    return (await bridge.upload(file.name, await file.arrayBuffer())) as UploadResult;
  },
  /**
   * Saves the current page as PDF through the Electron shell. Resolves false in web mode (the
   * caller then opens the browser's print dialog) or when the person cancels.
   */
  async savePagePdf(suggestedName: string): Promise<boolean> {
    if (!electron?.savePagePdf) return false;
    await electron.savePagePdf(suggestedName);
    return true;
  },
  onDataChanged(listener: (topics: DataTopic[]) => void): () => void {
    return bridge.subscribe('data.changed', (payload) => listener((payload as { topics: DataTopic[] }).topics));
  },
  /** Any event main pushes (e.g. `scan.progress`), typed from the contract. */
  onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return bridge.subscribe(event, (payload) => listener(payload as EventPayload<E>));
  },
  /** An indexed file of a folder source, by id ("play any call" in the library). */
  sourceMediaUrl(sourceFileId: number): string {
    return electron ? `klankbord-media://source/${sourceFileId}` : `/media/source/${sourceFileId}`;
  },
  /** Audio by recording id only: the renderer never sees a file path. */
  mediaUrl(recordingId: number): string {
    return electron ? `klankbord-media://recording/${recordingId}` : `/media/${recordingId}`;
  },
};
