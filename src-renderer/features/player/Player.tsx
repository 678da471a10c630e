import { ActionIcon, Alert, Box, Group, Kbd, Loader, Paper, SegmentedControl, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlayerPauseFilled, IconPlayerPlayFilled, IconRewindBackward5, IconRewindForward5 } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/plugins/regions';
import type { Marker, Recording } from '@contract';
import { api } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDuration } from '../../components/format';
import { formatSpan, segmentColors } from './CallStats';
import { HoldControl } from './HoldControl';
import { holdSpans, holdSummary } from './hold-playback';
import { useHoldModeStore } from './hold-mode-store';
import { speeds, stepSpeed } from './speeds';
import { usePlayerStore } from './player-store';
import { useHoldPlayback } from './use-hold-playback';

/** Lane height per channel of a stereo call; the lane labels line up with it. */
const LANE_HEIGHT = 56;
const laneColors = [
  { waveColor: '#8fb8b5', progressColor: '#0d625e' },
  { waveColor: '#a5b4d6', progressColor: '#364fc7' },
];

/** Whether a key belongs to the focused field rather than to the player's shortcuts. */
function isTyping(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  // A radio group (speed, hold segments) keeps only the arrows: after picking "Overslaan" with
  // the mouse, space still plays.
  if (target instanceof HTMLInputElement) return target.type === 'radio' ? key.startsWith('Arrow') : true;
  return false;
}

interface PlayerProps {
  recording: Recording;
  markers: Marker[];
  /** Called for the N shortcut, so the note field can take focus. */
  onNoteShortcut?(): void;
  /** Seconds to start at: deep links such as `#/recordings/12?t=83` open the call at that moment. */
  startAt?: number;
}

/**
 * Waveform from peaks stored at import plus a media element streaming by id: opening a call
 * never downloads or decodes the whole file in the renderer.
 */
export function Player({ recording, markers, onNoteShortcut, startAt }: PlayerProps) {
  const { t } = useTranslation('player');
  const peaks = useChannel('recordings.peaks', recording.audioAvailable ? { id: recording.id } : null, []);
  const analysis = useChannel('recordings.analysis', recording.audioAvailable ? { id: recording.id } : null, ['recordings']);
  const container = useRef<HTMLDivElement>(null);
  const audio = useRef<HTMLAudioElement>(null);
  const wavesurfer = useRef<WaveSurfer | null>(null);
  const regions = useRef<ReturnType<typeof RegionsPlugin.create> | null>(null);
  const [ready, setReady] = useState(false);
  const { playing, currentTime, speed, setPlaying, setCurrentTime, setSpeed, bind } = usePlayerStore();

  useEffect(() => {
    if (!peaks.data || !container.current || !audio.current) return;
    const regionPlugin = RegionsPlugin.create();
    const ws = WaveSurfer.create({
      container: container.current,
      media: audio.current,
      peaks: peaks.data.channels,
      duration: peaks.data.durationSeconds,
      height: peaks.data.channels.length > 1 ? LANE_HEIGHT : 96,
      waveColor: '#8fb8b5',
      progressColor: '#0d625e',
      cursorColor: '#c2255c',
      cursorWidth: 2,
      normalize: true,
      dragToSeek: true,
      splitChannels: peaks.data.channels.length > 1 ? laneColors : undefined,
      plugins: [regionPlugin],
    });
    wavesurfer.current = ws;
    regions.current = regionPlugin;
    const unbind = bind(ws);
    const subs = [
      ws.on('redrawcomplete', () => setReady(true)),
      regionPlugin.on('region-clicked', (region, event) => {
        // Silence and talk-over regions let the click through: the waveform seeks where clicked.
        if (region.id.startsWith('analysis-')) return;
        event.stopPropagation();
        ws.setTime(region.start);
      }),
      ws.on('timeupdate', (time) => setCurrentTime(time)),
      ws.on('play', () => setPlaying(true)),
      ws.on('pause', () => setPlaying(false)),
      ws.on('finish', () => setPlaying(false)),
    ];
    return () => {
      subs.forEach((off) => off());
      unbind();
      ws.destroy();
      wavesurfer.current = null;
      regions.current = null;
      setReady(false);
    };
  }, [peaks.data, bind, setCurrentTime, setPlaying]);

  useEffect(() => {
    if (ready && startAt !== undefined && startAt > 0) wavesurfer.current?.setTime(Math.min(startAt, recording.durationSeconds));
  }, [ready, startAt, recording.durationSeconds]);

  const segments = analysis.data?.segments;
  const holdMode = useHoldModeStore((s) => s.mode);
  const setHoldMode = useHoldModeStore((s) => s.setMode);
  const spans = useMemo(() => holdSpans(segments ?? []), [segments]);
  const holdNotice = useHoldPlayback(wavesurfer, ready, spans, holdMode, recording.durationSeconds);
  // Display only: the hook decides the actual muting, a frame ahead.
  const mutedUntil = holdMode === 'mute' ? (spans.find((s) => currentTime >= s.start && currentTime < s.end)?.end ?? null) : null;
  const holdCounts = useMemo(
    () => (analysis.data ? holdSummary(analysis.data.segments) : analysis.data === null || analysis.error ? null : undefined),
    [analysis.data, analysis.error],
  );

  useEffect(() => {
    const plugin = regions.current;
    if (!plugin || !ready) return;
    plugin.clearRegions();
    // Analysis regions first, so the note markers stay on top of them.
    (segments ?? []).forEach((segment, index) => {
      const region = plugin.addRegion({
        id: `analysis-${segment.kind}-${index}`,
        start: segment.start,
        end: segment.end,
        color: segmentColors[segment.kind].region,
        drag: false,
        resize: false,
      });
      const handled = segment.kind === 'silence' && holdMode !== 'play';
      const label = t(segment.kind === 'silence' ? 'regionSilence' : 'regionTalkOver', {
        from: formatDuration(segment.start),
        to: formatDuration(segment.end),
        duration: formatSpan(segment.end - segment.start),
      });
      // Stripes say "this part is skipped or muted" without relying on colour.
      if (region.element && handled) {
        region.element.style.backgroundImage = 'repeating-linear-gradient(135deg, rgba(73, 80, 87, 0.28) 0 2px, transparent 2px 8px)';
      }
      // A tooltip for the mouse; the waveform is one image to assistive technology, and the
      // same moments are a list of buttons in the call analysis panel.
      region.element?.setAttribute('title', handled ? `${label} — ${t(holdMode === 'skip' ? 'regionWillSkip' : 'regionWillMute')}` : label);
      region.element?.setAttribute('data-kind', segment.kind);
      if (handled) region.element?.setAttribute('data-hold', holdMode);
      if (region.element) region.element.style.cursor = 'pointer';
    });
    for (const marker of markers) {
      plugin.addRegion({
        start: marker.atSeconds,
        content: '●',
        color: 'rgba(194, 37, 92, 0.9)',
        drag: false,
        resize: false,
        id: `marker-${marker.id}`,
      });
    }
  }, [markers, segments, ready, t, holdMode]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target, event.key) || event.ctrlKey || event.metaKey || event.altKey) return;
      const ws = wavesurfer.current;
      if (!ws) return;
      const actions: Record<string, () => void> = {
        ' ': () => void ws.playPause(),
        ArrowLeft: () => ws.setTime(Math.max(0, ws.getCurrentTime() - 5)),
        ArrowRight: () => ws.setTime(Math.min(ws.getDuration(), ws.getCurrentTime() + 5)),
        '[': () => setSpeed(stepSpeed(ws.getPlaybackRate(), -1)),
        ']': () => setSpeed(stepSpeed(ws.getPlaybackRate(), 1)),
        n: () => onNoteShortcut?.(),
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onNoteShortcut, setSpeed]);

  if (!recording.audioAvailable) {
    return <Alert color="gray">{t('audioRemoved')}</Alert>;
  }

  // Which lane is whom: the analysis says which channel it took as the advisor (a setting).
  const advisorChannel = analysis.data?.parameters.advisorChannel ?? 1;
  const lanes =
    peaks.data?.channels.length === 2
      ? [1, 2].map((channel) => ({ channel, label: channel === advisorChannel ? t('channelAdvisor') : t('channelResident') }))
      : null;

  const skip = (delta: number) => {
    const ws = wavesurfer.current;
    if (ws) ws.setTime(Math.min(ws.getDuration(), Math.max(0, ws.getCurrentTime() + delta)));
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <ErrorAlert error={peaks.error} />
        {!ready && !peaks.error ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {t('loadingWaveform')}
            </Text>
          </Group>
        ) : null}
        <Group gap="sm" wrap="nowrap" align="flex-start">
          {lanes ? (
            <Stack gap={0} w={112} style={{ flex: 'none' }} data-testid="lane-labels">
              {lanes.map((lane) => (
                <Group key={lane.channel} h={LANE_HEIGHT} gap={6} wrap="nowrap">
                  <Box
                    aria-hidden
                    style={{ width: 4, height: LANE_HEIGHT - 16, borderRadius: 2, background: laneColors[lane.channel - 1]?.progressColor }}
                  />
                  <Stack gap={0}>
                    <Text size="sm" fw={600} lh={1.2}>
                      {lane.label}
                    </Text>
                    <Text size="xs" c="dimmed" lh={1.2}>
                      {t('channelNumber', { channel: lane.channel })}
                    </Text>
                  </Stack>
                </Group>
              ))}
            </Stack>
          ) : null}
          <div
            ref={container}
            role="img"
            aria-label={lanes ? t('waveformLanes', { top: lanes[0]?.label, bottom: lanes[1]?.label }) : t('waveform')}
            data-testid="waveform"
            data-ready={ready ? 'true' : 'false'}
            style={{ flex: 1, minWidth: 0 }}
          />
        </Group>
        {/* Streams by id through the media route; preload only metadata so long calls start at once. */}
        <audio ref={audio} src={api.mediaUrl(recording.id)} preload="metadata" data-testid="audio" />
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Tooltip label={`${t('back5')} (←)`}>
              <ActionIcon variant="default" size="lg" onClick={() => skip(-5)} aria-label={t('back5')}>
                <IconRewindBackward5 size={20} />
              </ActionIcon>
            </Tooltip>
            <ActionIcon
              size={44}
              radius="xl"
              onClick={() => void wavesurfer.current?.playPause()}
              aria-label={playing ? t('pause') : t('play')}
              data-testid="play-button"
            >
              {playing ? <IconPlayerPauseFilled size={22} /> : <IconPlayerPlayFilled size={22} />}
            </ActionIcon>
            <Tooltip label={`${t('forward5')} (→)`}>
              <ActionIcon variant="default" size="lg" onClick={() => skip(5)} aria-label={t('forward5')}>
                <IconRewindForward5 size={20} />
              </ActionIcon>
            </Tooltip>
            <Text ff="monospace" size="sm" ml="sm" data-testid="player-time" aria-live="off">
              {formatDuration(currentTime)} / {formatDuration(recording.durationSeconds)}
            </Text>
          </Group>
          <SegmentedControl
            size="xs"
            aria-label={t('speed')}
            value={String(speed)}
            onChange={(v) => setSpeed(Number(v))}
            data={speeds.map((s) => ({ value: String(s), label: `${String(s).replace('.', ',')}×` }))}
          />
        </Group>
        <HoldControl mode={holdMode} onChange={setHoldMode} summary={holdCounts} notice={holdNotice} mutedUntil={mutedUntil} />
        <Group gap="lg" c="dimmed">
          <Text size="xs" fw={600}>
            {t('shortcuts')}:
          </Text>
          <Text size="xs">
            <Kbd size="xs">spatie</Kbd> {t('shortcutPlay')}
          </Text>
          <Text size="xs">
            <Kbd size="xs">←</Kbd> <Kbd size="xs">→</Kbd> {t('shortcutSkip')}
          </Text>
          <Text size="xs">
            <Kbd size="xs">[</Kbd> <Kbd size="xs">]</Kbd> {t('shortcutSpeed')}
          </Text>
          <Text size="xs">
            <Kbd size="xs">N</Kbd> {t('shortcutNote')}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
