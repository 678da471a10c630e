import { useEffect, useRef, useState, type RefObject } from 'react';
import type WaveSurfer from 'wavesurfer.js';
import { decideHold, reconcileMute, type HoldMode, type HoldMuteState, type HoldSpan } from './hold-playback';

export interface HoldNotice {
  /** Length of what was passed over, in seconds. */
  seconds: number;
  /** The hold ran to the end of the call, so playback stopped there. */
  toEnd: boolean;
  /** Distinguishes two skips of the same length, so each shows its notice afresh. */
  id: number;
}

/** How long the "hold skipped" notice stays. */
const NOTICE_MS = 4000;

/**
 * Applies `decideHold` on every frame of the live player: jumps over holds, or mutes them and
 * gives the person's own mute back afterwards. Returns the notice of the latest skip.
 */
export function useHoldPlayback(
  wavesurfer: RefObject<WaveSurfer | null>,
  ready: boolean,
  spans: readonly HoldSpan[],
  mode: HoldMode,
  fallbackDuration: number,
): HoldNotice | null {
  const muteState = useRef<HoldMuteState | null>(null);
  const [notice, setNotice] = useState<HoldNotice | null>(null);

  useEffect(() => {
    const ws = wavesurfer.current;
    const media = ws?.getMediaElement();
    if (!ws || !media || !ready) return;
    const apply = (time: number) => {
      const mediaDuration = ws.getDuration();
      const { action, mute } = decideHold({
        time,
        spans,
        mode,
        playing: ws.isPlaying(),
        duration: Number.isFinite(mediaDuration) && mediaDuration > 0 ? mediaDuration : fallbackDuration,
        rate: ws.getPlaybackRate(),
      });
      const next = reconcileMute(media.muted, muteState.current, mute);
      muteState.current = next.state;
      if (media.muted !== next.muted) media.muted = next.muted;
      if (action.type === 'none') return;
      const seconds = action.skipped.end - action.skipped.start;
      if (action.type === 'seek') {
        ws.setTime(action.to);
        setNotice({ seconds, toEnd: false, id: Date.now() });
      } else {
        ws.pause();
        ws.setTime(action.at);
        setNotice({ seconds, toEnd: true, id: Date.now() });
      }
    };
    // Frames while playing, seeks, and the moment play starts (perhaps inside a hold).
    const subs = [ws.on('timeupdate', apply), ws.on('play', () => apply(ws.getCurrentTime()))];
    const initial = decideHold({ time: ws.getCurrentTime(), spans, mode, playing: false, duration: fallbackDuration, rate: 1 });
    const first = reconcileMute(media.muted, muteState.current, initial.mute);
    muteState.current = first.state;
    media.muted = first.muted;
    return () => {
      subs.forEach((off) => off());
      // Another mode, other holds or another call: whatever hold muting did is undone.
      media.muted = reconcileMute(media.muted, muteState.current, false).muted;
      muteState.current = null;
    };
  }, [wavesurfer, ready, spans, mode, fallbackDuration]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  return notice;
}
