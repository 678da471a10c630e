import { create } from 'zustand';
import type WaveSurfer from 'wavesurfer.js';

interface PlayerStore {
  playing: boolean;
  currentTime: number;
  speed: number;
  setPlaying(playing: boolean): void;
  setCurrentTime(time: number): void;
  setSpeed(speed: number): void;
  seek(seconds: number): void;
  /** Attaches the live player; returns the detach function. */
  bind(ws: WaveSurfer): () => void;
}

let active: WaveSurfer | null = null;

/** The player's state, shared with the notes list and the scoring form (e.g. "note at 1:23"). */
export const usePlayerStore = create<PlayerStore>((set, get) => ({
  playing: false,
  currentTime: 0,
  speed: 1,
  setPlaying: (playing) => set({ playing }),
  setCurrentTime: (currentTime) => set({ currentTime }),
  setSpeed(speed) {
    active?.setPlaybackRate(speed, true);
    set({ speed });
  },
  seek(seconds) {
    active?.setTime(seconds);
    set({ currentTime: seconds });
  },
  bind(ws) {
    active = ws;
    ws.setPlaybackRate(get().speed, true);
    set({ currentTime: 0, playing: false });
    return () => {
      if (active === ws) active = null;
    };
  },
}));
