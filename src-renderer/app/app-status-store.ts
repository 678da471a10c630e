import { create } from 'zustand';
import type { AppStatus } from '@contract';
import { api } from '../api/client';

interface AppStatusState {
  status: AppStatus | null;
  load(): Promise<AppStatus>;
  /** Switches to the demo (seeding it the first time), starts it over, or goes back to the real data; then reloads the app. */
  switchData(channel: 'demo.open' | 'demo.reset' | 'demo.leave'): Promise<void>;
}

/** Whether the data folder opened, and whether it is the demo: read once before the app renders. */
export const useAppStatus = create<AppStatusState>((set) => ({
  status: null,
  async load() {
    const status = await api.call('app.status', {});
    set({ status });
    return status;
  },
  async switchData(channel) {
    await api.call(channel, {});
    // A full load of the start page: every screen, cache and the session come from the other data.
    window.location.replace(window.location.href.split('#')[0] ?? '');
  },
}));
