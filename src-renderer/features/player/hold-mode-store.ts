import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { holdModes, type HoldMode } from './hold-playback';

interface HoldModeStore {
  mode: HoldMode;
  setMode(mode: HoldMode): void;
}

const isHoldMode = (value: unknown): value is HoldMode => holdModes.some((mode) => mode === value);

/**
 * Play, skip or mute hold segments: a choice of the person at this workstation, so it lives in
 * localStorage (not the shared database) and survives restarts and switching calls.
 */
export const useHoldModeStore = create<HoldModeStore>()(
  persist((set) => ({ mode: 'play', setMode: (mode) => set({ mode }) }), {
    name: 'klankbord.player.hold-segments',
    version: 1,
    storage: createJSONStorage(() => localStorage),
    partialize: (state) => ({ mode: state.mode }),
    // A value written by hand or by a later version falls back to playing everything.
    merge: (persisted, current) => {
      const mode = typeof persisted === 'object' && persisted !== null && 'mode' in persisted ? persisted.mode : undefined;
      return { ...current, mode: isHoldMode(mode) ? mode : current.mode };
    },
  }),
);
