import { LineChart } from '@mantine/charts';
import { Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Onboarding, RampUp } from '@contract';
import { useChannel } from '../../api/use-channel';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { LineLegend } from '../../components/charts/LineLegend';
import { fileSlug, type TableData } from '../../components/charts/table-data';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber, formatPeriod, formatScore } from '../../components/format';

/** The team line is dotted, so the two lines differ without relying on colour. */
const teamDash = '2 3';
const still = { isAnimationActive: false } as const;

function rampUpTable(ramp: RampUp, t: TFunction): TableData {
  return {
    columns: [
      { label: t('rampUp.columns.month') },
      { label: t('rampUp.columns.own', { name: ramp.name }), kind: 'pct' },
      { label: t('rampUp.columns.ownN'), kind: 'int' },
      { label: t('rampUp.columns.team'), kind: 'pct' },
      { label: t('rampUp.columns.teamN'), kind: 'int' },
    ],
    rows: ramp.months.map((m) => [formatPeriod(m.period), m.pct, m.n, m.teamPct, m.teamN]),
  };
}

function describe(ramp: RampUp, t: TFunction): string {
  const line = (pick: (m: RampUp['months'][number]) => number | null) => {
    const parts = ramp.months
      .filter((m) => pick(m) !== null)
      .map((m) => t('rampUp.descriptionMonth', { month: formatPeriod(m.period), pct: formatScore(pick(m)) }));
    return parts.length > 0 ? parts.join(', ') : t('rampUp.none');
  };
  return t('rampUp.description', { name: ramp.name, own: line((m) => m.pct), team: line((m) => m.teamPct) });
}

export function RampUpPanel({ track }: { track: Onboarding }) {
  const { t } = useTranslation('onboarding');
  const ramp = useChannel('onboarding.rampUp', { id: track.id }, ['onboarding', 'evaluations', 'staff']);
  const data = ramp.data;
  if (!data) return <ErrorAlert error={ramp.error} />;
  if (data.months.length === 0) return <Text size="sm">{t('rampUp.empty')}</Text>;
  const hasScores = data.months.some((m) => m.pct !== null);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('rampUp.intro', { team: data.team })}
      </Text>
      {hasScores ? null : <Text size="sm">{t('rampUp.noScores', { name: data.name })}</Text>}
      <ChartFigure
        title={t('rampUp.title', { name: data.name })}
        description={describe(data, t)}
        table={rampUpTable(data, t)}
        fileName={`opstart-${fileSlug(data.name)}`}
        testId="ramp-up-chart"
        footer={
          <LineLegend
            items={[
              { label: t('rampUp.series.own', { name: data.name }), color: 'klankbord.7' },
              { label: t('rampUp.series.team'), color: 'gray.7', dash: teamDash },
            ]}
          />
        }
      >
        <LineChart
          h={280}
          data={data.months.map((m) => ({ month: formatPeriod(m.period), own: m.pct, team: m.teamPct }))}
          dataKey="month"
          series={[
            { name: 'own', label: t('rampUp.series.own', { name: data.name }), color: 'klankbord.7' },
            { name: 'team', label: t('rampUp.series.team'), color: 'gray.7', strokeDasharray: teamDash },
          ]}
          yAxisProps={{ domain: [0, 100] }}
          valueFormatter={(v: number) => `${formatNumber(v, 1)}%`}
          connectNulls
          accessibilityLayer={false}
          lineProps={still}
          curveType="linear"
        />
      </ChartFigure>
    </Stack>
  );
}
