import { safeStorage } from 'electron';
import type { SecretBox } from '../core/team/settings';

/**
 * The team database password through the operating system's secret storage (DPAPI on Windows,
 * Keychain on macOS, libsecret on Linux). Refuses instead of falling back to Chromium's plain
 * "basic_text" store on a Linux desktop without a keyring: that would be plain text in disguise.
 */
export const electronSecrets: SecretBox = {
  encrypt(plain) {
    if (!safeStorage.isEncryptionAvailable() || safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      throw new Error('de beveiligde opslag van het besturingssysteem is niet beschikbaar');
    }
    return safeStorage.encryptString(plain).toString('base64');
  },
  decrypt(encrypted) {
    return safeStorage.decryptString(Buffer.from(encrypted, 'base64'));
  },
};
