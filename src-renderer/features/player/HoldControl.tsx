import { Group, SegmentedControl, Text } from '@mantine/core';
import { IconPlayerSkipForward, IconVolumeOff } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../components/format';
import { formatSpan } from './CallStats';
import { holdModes, type HoldMode } from './hold-playback';
import type { HoldNotice } from './use-hold-playback';

interface HoldControlProps {
  mode: HoldMode;
  onChange(mode: HoldMode): void;
  /** undefined while the analysis loads, null when there is none. */
  summary: { count: number; totalSeconds: number } | null | undefined;
  notice: HoldNotice | null;
  /** End of the hold being muted right now, or null. */
  mutedUntil: number | null;
}

/** "Wachtstukken: afspelen / overslaan / dempen", with how many there are and what was just skipped. */
export function HoldControl({ mode, onChange, summary, notice, mutedUntil }: HoldControlProps) {
  const { t } = useTranslation('player');
  const labelId = useId();
  const descriptionId = useId();
  const usable = summary !== undefined && summary !== null && summary.count > 0;
  const description =
    summary === undefined
      ? t('holdWaiting')
      : summary === null
        ? t('holdNoAnalysis')
        : summary.count === 0
          ? t('holdNone')
          : t('holdSummary', { count: summary.count, duration: formatSpan(summary.totalSeconds) });

  return (
    <Group gap="sm" wrap="wrap" data-testid="hold-control">
      <Text size="sm" fw={600} id={labelId}>
        {t('holdSegments')}
      </Text>
      <SegmentedControl
        size="xs"
        aria-labelledby={labelId}
        aria-describedby={descriptionId}
        disabled={!usable}
        value={mode}
        onChange={(value) => {
          const chosen = holdModes.find((m) => m === value);
          if (chosen) onChange(chosen);
        }}
        data={[
          { value: 'play', label: t('holdPlay') },
          { value: 'skip', label: t('holdSkip') },
          { value: 'mute', label: t('holdMute') },
        ]}
      />
      <Text size="xs" c="dimmed" id={descriptionId} data-testid="hold-summary">
        {description}
      </Text>
      {/* Always in the page, so assistive technology announces a skip or a mute when its text appears. */}
      <Text
        size="xs"
        role="status"
        c="klankbord.8"
        fw={600}
        data-testid="hold-notice"
        style={{ display: 'flex', alignItems: 'center', gap: 4 }}
      >
        {notice ? (
          <>
            <IconPlayerSkipForward size={14} aria-hidden />
            {t(notice.toEnd ? 'holdSkippedToEnd' : 'holdSkipped', { duration: formatSpan(notice.seconds) })}
          </>
        ) : mutedUntil !== null ? (
          <>
            <IconVolumeOff size={14} aria-hidden />
            {t('holdMuted', { time: formatDuration(mutedUntil) })}
          </>
        ) : null}
      </Text>
    </Group>
  );
}
