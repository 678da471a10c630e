import { contextBridge, ipcRenderer } from 'electron';
import { isChannelName, type KlankbordBridge } from '../src-main/contract/bridge';
import { IPC_CHOOSE_DATA_FOLDER, IPC_EVENT, IPC_INVOKE, IPC_SAVE_PDF, IPC_UPLOAD } from '../src-main/shell/ipc-channels';

/**
 * The renderer's whole reach into main: the contract's channels, its events, uploads, saving the
 * page as PDF and picking another data folder. Main checks the sender and every argument again.
 */
const bridge = {
  invoke: (channel: string, input: unknown) => {
    if (!isChannelName(channel)) return Promise.reject(new Error(`Onbekend kanaal ${channel}`));
    return ipcRenderer.invoke(IPC_INVOKE, channel, input);
  },
  subscribe: (event: string, listener: (payload: unknown) => void) => {
    const wrapped = (_: unknown, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => void ipcRenderer.removeListener(IPC_EVENT, wrapped);
  },
  upload: (_fileName: string, bytes: ArrayBuffer) => ipcRenderer.invoke(IPC_UPLOAD, new Uint8Array(bytes)),
  savePagePdf: async (suggestedName: string) => (await ipcRenderer.invoke(IPC_SAVE_PDF, String(suggestedName))) === true,
  chooseDataFolder: async () => (await ipcRenderer.invoke(IPC_CHOOSE_DATA_FOLDER)) === true,
} satisfies KlankbordBridge;

contextBridge.exposeInMainWorld('klankbord', bridge);
