import { create } from 'zustand';
import type { ChannelInput, Language, SessionState } from '@contract';
import { api, setErrorLanguage } from '../api/client';
import i18n from '../i18n';

interface SessionStore {
  session: SessionState | null;
  load(): Promise<void>;
  selectProfile(staffId: number): Promise<void>;
  setLanguage(language: Language): Promise<void>;
  signIn(employeeNumber: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  claimFirstManager(input: ChannelInput<'session.claimFirstManager'>): Promise<void>;
}

function apply(session: SessionState): void {
  setErrorLanguage(session.language);
  void i18n.changeLanguage(session.language);
  document.documentElement.lang = session.language;
}

/**
 * Who is working and in which language, kept in main: a chosen profile survives restarts; with
 * sign-in (team mode) the person stays signed in until they sign out or the app closes.
 */
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
  async signIn(employeeNumber, password) {
    const session = await api.call('session.signIn', { employeeNumber, password });
    apply(session);
    set({ session });
  },
  async signOut() {
    const session = await api.call('session.signOut', {});
    apply(session);
    // Back to the start page, so the next person does not land on the previous one's screen.
    window.location.hash = '#/';
    set({ session });
  },
  async claimFirstManager(input) {
    const session = await api.call('session.claimFirstManager', input);
    apply(session);
    set({ session });
  },
}));
