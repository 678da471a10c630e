import { Box, Group, Loader, Paper, ScrollArea, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AnalysisSegment, CallAnalysis } from '@contract';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDuration, formatNumber } from '../../components/format';
import { usePlayerStore } from './player-store';

/**
 * Region colours on the waveform, shared with the legend. Fills only: the text beside them stays
 * in the theme's text colours, so contrast does not depend on them.
 */
export const segmentColors = {
  silence: { region: 'rgba(73, 80, 87, 0.22)', swatch: '#adb5bd', border: '#495057' },
  talkover: { region: 'rgba(232, 89, 12, 0.3)', swatch: '#ffa94d', border: '#d9480f' },
} as const satisfies Record<AnalysisSegment['kind'], { region: string; swatch: string; border: string }>;

const tabular = { fontVariantNumeric: 'tabular-nums' } as const;
const percent = (fraction: number) => `${formatNumber(fraction * 100, 0)}%`;
/** "4,5 s" under a minute (talk-over is often shorter than a second), "1:05" from there on. */
export const formatSpan = (seconds: number) => (seconds < 59.95 ? `${formatNumber(seconds, 1)} s` : formatDuration(seconds));

function Swatch({ kind }: { kind: AnalysisSegment['kind'] }) {
  const c = segmentColors[kind];
  return (
    <Box
      component="span"
      aria-hidden
      style={{
        display: 'inline-block',
        width: 14,
        height: 14,
        flex: 'none',
        background: c.swatch,
        border: `1px solid ${c.border}`,
        borderRadius: 3,
      }}
    />
  );
}

function Stat({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId: string }) {
  return (
    <Stack gap={0} data-testid={testId}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} fw={650} fz="lg" style={tabular}>
        {value}
        {detail ? (
          <Text span size="xs" c="dimmed" fw={400} ml={6}>
            {detail}
          </Text>
        ) : null}
      </Text>
    </Stack>
  );
}

/**
 * Silence/hold and talk-over of a call, computed once in main: totals, a legend for the waveform
 * regions and the moments themselves, each a button that moves the player there.
 */
export function CallStats({ recordingId }: { recordingId: number }) {
  const { t } = useTranslation('player');
  const analysis = useChannel('recordings.analysis', { id: recordingId }, ['recordings']);

  return (
    <Paper withBorder p="md" radius="md" data-testid="call-stats">
      <Stack gap="sm">
        <Title order={2} fz="md">
          {t('analysis')}
        </Title>
        <ErrorAlert error={analysis.error} />
        {analysis.data === undefined && !analysis.error ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {t('analysing')}
            </Text>
          </Group>
        ) : analysis.data === null ? (
          <Text size="sm" c="dimmed">
            {t('analysisUnavailable')}
          </Text>
        ) : analysis.data ? (
          <AnalysisView analysis={analysis.data} />
        ) : null}
      </Stack>
    </Paper>
  );
}

function AnalysisView({ analysis }: { analysis: CallAnalysis }) {
  const { t } = useTranslation('player');
  const seek = usePlayerStore((s) => s.seek);
  const { totals, parameters: p, segments } = analysis;
  const silences = segments.filter((s) => s.kind === 'silence').length;
  const seconds = (value: number) => formatNumber(value, 1);
  const share = totals.advisorTalkShare;
  const kindLabel = (kind: AnalysisSegment['kind']) => (kind === 'silence' ? t('kindSilence') : t('kindTalkOver'));

  return (
    <>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm" component="dl" m={0}>
        <Stat
          testId="stat-hold"
          label={t('holdTotal')}
          value={formatSpan(totals.holdSeconds)}
          detail={t('holdCount', { count: silences, seconds: seconds(p.minSilenceSeconds) })}
        />
        <Stat testId="stat-longest-silence" label={t('longestSilence')} value={formatSpan(totals.longestSilenceSeconds)} />
        <Stat
          testId="stat-talkover"
          label={t('talkOver')}
          value={totals.talkOverPct === null ? '—' : `${formatNumber(totals.talkOverPct, 1)}%`}
          detail={totals.talkOverSeconds === null ? t('stereoOnly') : t('talkOverDetail', { duration: formatSpan(totals.talkOverSeconds) })}
        />
        <Stat
          testId="stat-advisor-share"
          label={t('advisorShare')}
          value={share === null ? '—' : percent(share)}
          detail={
            totals.advisorTalkSeconds === null
              ? t('stereoOnly')
              : share === null
                ? t('nobodySpeaks')
                : t('advisorShareDetail', { resident: percent(1 - share) })
          }
        />
      </SimpleGrid>

      <Stack gap={4} aria-label={t('legend')} role="group">
        <Group gap={6} wrap="nowrap">
          <Swatch kind="silence" />
          <Text size="xs">{t('legendSilence', { seconds: seconds(p.minSilenceSeconds) })}</Text>
        </Group>
        {totals.talkOverSeconds !== null ? (
          <Group gap={6} wrap="nowrap">
            <Swatch kind="talkover" />
            <Text size="xs">{t('legendTalkOver', { seconds: seconds(p.minTalkOverSeconds) })}</Text>
          </Group>
        ) : null}
      </Stack>

      <Title order={3} fz="sm">
        {t('segments')}
      </Title>
      {segments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('noSegments')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={200} viewportProps={{ tabIndex: 0, 'aria-label': t('segments') }}>
          <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="analysis-segments">
            {segments.map((s) => {
              const from = formatDuration(s.start);
              const to = formatDuration(s.end);
              return (
                <li key={`${s.kind}-${s.start}`}>
                  <UnstyledButton
                    onClick={() => seek(s.start)}
                    aria-label={t('jumpToSegment', { kind: kindLabel(s.kind), from, to })}
                    data-kind={s.kind}
                    style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '2px 4px', borderRadius: 4, width: '100%' }}
                  >
                    <Swatch kind={s.kind} />
                    <Text ff="monospace" size="sm" c="klankbord.8" fw={600} td="underline">
                      {from}–{to}
                    </Text>
                    <Text size="sm">{kindLabel(s.kind)}</Text>
                    <Text size="sm" c="dimmed" ml="auto" style={tabular}>
                      {formatSpan(s.end - s.start)}
                    </Text>
                  </UnstyledButton>
                </li>
              );
            })}
          </Stack>
        </ScrollArea.Autosize>
      )}
      <Text size="xs" c="dimmed">
        {t('method', {
          threshold: formatNumber(p.thresholdDbfs, 0).replace('-', '−'),
          bridge: seconds(p.bridgeSeconds),
          blip: seconds(p.minActiveSeconds),
        })}
      </Text>
    </>
  );
}
