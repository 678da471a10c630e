/** The Electron IPC names the preload and the shell share; the contract's channels travel inside them. */
export const IPC_INVOKE = 'klankbord:invoke';
export const IPC_UPLOAD = 'klankbord:upload';
export const IPC_EVENT = 'klankbord:event';
export const IPC_SAVE_PDF = 'klankbord:save-pdf';
export const IPC_CHOOSE_DATA_FOLDER = 'klankbord:choose-data-folder';
export const MEDIA_SCHEME = 'klankbord-media';
