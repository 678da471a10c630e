import { create } from 'zustand';
import type { Language, SessionState } from '@contract';
import { api, setErrorLanguage } from '../api/client';
import i18n from '../i18n';

interface SessionStore {
  session: SessionState | null;
  load(): Promise<void>;
  selectProfile(staffId: number): Promise<void>;
  setLanguage(language: Language): Promise<void>;
}

function apply(session: SessionState): void {
  setErrorLanguage(session.language);
  void i18n.changeLanguage(session.language);
  document.documentElement.lang = session.language;
}

/** Who is working and in which language; kept in main so it survives restarts. */
export const useSession = create<SessionStore>((set) => ({
  session: null,
  async load() {
    const session = await api.call('session.get', {});
    apply(session);
    set({ session });
  },
  async selectProfile(staffId) {
    const session = await api.call('session.selectProfile', { staffId });
    apply(session);
    set({ session });
  },
  async setLanguage(language) {
    const session = await api.call('session.setLanguage', { language });
    apply(session);
    set({ session });
  },
}));
