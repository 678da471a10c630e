import { Box } from '@mantine/core';
import { LineChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';

/**
 * A tiny score line for a list row. The drawing is decorative for assistive technology: the label
 * reads the scores out ("Scores laatste 6 maanden: 78, 81, geen, …"), so no colour or shape carries meaning alone.
 */
export function ScoreSparkline({ scores, testId }: { scores: (number | null)[]; testId?: string }) {
  const { t } = useTranslation('charts');
  const count = scores.length;
  const known = scores.filter((s): s is number => s !== null);
  const label =
    known.length === 0
      ? t('sparklineEmpty', { count })
      : t('sparklineLabel', { count, values: scores.map((s) => (s === null ? t('noScore') : formatNumber(s, 0))).join(', ') });
  return (
    <Box role="img" aria-label={label} w={120} h={30} data-testid={testId}>
      {known.length === 0 ? null : (
        <LineChart
          w={120}
          h={30}
          data={scores.map((score, i) => ({ i, score }))}
          dataKey="i"
          series={[{ name: 'score', color: 'klankbord.7' }]}
          // One scale for every row (40–100%), so two advisors' lines compare at a glance.
          yAxisProps={{ domain: [40, 100] }}
          withXAxis={false}
          withYAxis={false}
          gridAxis="none"
          withTooltip={false}
          // Dots keep a single scored month visible; a line needs two.
          dotProps={{ r: 2.5, strokeWidth: 0 }}
          strokeWidth={1.75}
          curveType="linear"
          connectNulls
          accessibilityLayer={false}
          lineProps={{ isAnimationActive: false }}
          lineChartProps={{ margin: { top: 3, right: 3, bottom: 3, left: 3 } }}
        />
      )}
    </Box>
  );
}
