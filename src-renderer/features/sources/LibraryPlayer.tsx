import { ActionIcon, Group, Paper, Text } from '@mantine/core';
import { IconPlayerPauseFilled, IconPlayerPlayFilled, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { formatDuration } from '../../components/format';

export interface LibraryTrack {
  sourceFileId: number;
  name: string;
}

/** Why the server refused the file (e.g. a GSM call Chromium cannot play), in Dutch from main. */
async function reasonFor(url: string): Promise<string | null> {
  try {
    const res = await fetch(url, { headers: { Range: 'bytes=0-0' } });
    if (res.ok) return null;
    const body = (await res.json()) as { message?: string };
    return body.message ?? null;
  } catch {
    return null;
  }
}

/** One small shared <audio> for "play any call" in the library: by source-file id, never by path. */
export function LibraryPlayer({ track, onClose }: { track: LibraryTrack | null; onClose(): void }) {
  const { t } = useTranslation('sources');
  const audio = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState({ current: 0, duration: 0 });
  const [problem, setProblem] = useState<string | null>(null);
  const url = track ? api.sourceMediaUrl(track.sourceFileId) : null;

  useEffect(() => {
    const el = audio.current;
    if (!el || !url) return;
    setProblem(null);
    setTime({ current: 0, duration: 0 });
    el.src = url;
    el.play().catch(() => undefined);
  }, [url]);

  if (!track) return null;

  const toggle = () => {
    const el = audio.current;
    if (!el) return;
    if (el.paused) el.play().catch(() => undefined);
    else el.pause();
  };

  return (
    <Paper
      withBorder
      shadow="md"
      radius="md"
      p="xs"
      px="md"
      component="section"
      aria-label={t('player.label')}
      mb="md"
      data-testid="library-player"
    >
      <audio
        ref={audio}
        preload="metadata"
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => setPlaying(false)}
        onTimeUpdate={(e) => setTime({ current: e.currentTarget.currentTime, duration: e.currentTarget.duration || 0 })}
        onLoadedMetadata={(e) => setTime({ current: e.currentTarget.currentTime, duration: e.currentTarget.duration || 0 })}
        onError={() => {
          if (url) void reasonFor(url).then((reason) => setProblem(reason ?? t('player.cannotPlay')));
        }}
        data-testid="library-audio"
      />
      <Group gap="sm" wrap="nowrap">
        <ActionIcon
          size="lg"
          radius="xl"
          onClick={toggle}
          aria-label={playing ? t('player.pause') : t('player.play')}
          disabled={problem !== null}
          data-testid="library-play-pause"
        >
          {playing ? <IconPlayerPauseFilled size={18} aria-hidden /> : <IconPlayerPlayFilled size={18} aria-hidden />}
        </ActionIcon>
        <Text ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }} data-testid="library-time">
          {formatDuration(time.current)} / {formatDuration(time.duration)}
        </Text>
        <Text size="sm" fw={600} truncate="end" style={{ flex: 1, minWidth: 0 }} ff="monospace">
          {track.name}
        </Text>
        {problem ? (
          <Text size="sm" c="red.9" role="alert" style={{ flex: 2 }}>
            {problem}
          </Text>
        ) : null}
        <ActionIcon variant="subtle" color="gray" onClick={onClose} aria-label={t('player.close')}>
          <IconX size={18} aria-hidden />
        </ActionIcon>
      </Group>
    </Paper>
  );
}
