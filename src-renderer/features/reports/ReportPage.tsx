import { Box, Button, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { format } from 'date-fns';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { period as periodSchema } from '@contract';
import { BackLink } from '../../components/BackLink';
import { useChannel } from '../../api/use-channel';
import { DataTableView } from '../../components/charts/DataTableView';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatPeriod, formatScore } from '../../components/format';
import { teamMonthTopics } from './DashboardPage';
import {
  actionPointsTable,
  advisorsTable,
  belowTargetTable,
  coachesTable,
  missedTable,
  newHiresTable,
  reportTitle,
  summaryTable,
} from './month-tables';
import { CriticalChart, DistributionChart, Section } from './parts';
import { printReportAsPdf } from './print';
import './report.css';

/** Charts draw after their container is measured; printing earlier would catch them empty. */
const settleMs = 400;

/**
 * "Maandrapportage kwaliteitsmonitoring — <team> — <maand jaar>": the dashboard's month (same
 * channel, same tables) laid out for A4. `?print=1` opens the print dialog once it has drawn.
 */
export function ReportPage() {
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation();
  const raw = useParams().period ?? '';
  const valid = periodSchema.safeParse(raw).success;
  const [params, setParams] = useSearchParams();
  const team = params.get('team') || undefined;
  const wantsPrint = params.get('print') === '1';
  const month = useChannel('reports.teamMonth', valid ? { period: raw, team } : null, [...teamMonthTopics]);
  const m = month.data;

  useEffect(() => {
    if (!m || !wantsPrint) return;
    const timer = window.setTimeout(() => {
      // Once only: a reload of this address should show the report, not print it again.
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          updated.delete('print');
          return updated;
        },
        { replace: true },
      );
      printReportAsPdf(reportTitle(m, t));
    }, settleMs);
    return () => window.clearTimeout(timer);
  }, [m, wantsPrint, setParams, t]);

  useEffect(() => {
    if (m) document.title = reportTitle(m, t);
    return () => {
      document.title = tc('appName');
    };
  }, [m, t, tc]);

  const dashboardLink = `/dashboard?period=${raw}${team ? `&team=${encodeURIComponent(team)}` : ''}`;

  return (
    <Box component="main" className="kb-report">
      <Group className="kb-report-toolbar kb-no-print" justify="space-between">
        <BackLink to={dashboardLink}>{t('report.back')}</BackLink>
        <Button
          leftSection={<IconPrinter size={16} aria-hidden />}
          onClick={() => m && printReportAsPdf(reportTitle(m, t))}
          disabled={!m}
          data-testid="print-report"
        >
          {t('report.print')}
        </Button>
      </Group>
      <article className="kb-sheet" data-testid="report">
        {!valid ? (
          <ErrorAlert error={new Error(t('report.invalidPeriod'))} />
        ) : month.error ? (
          <ErrorAlert error={month.error} />
        ) : !m ? (
          <Center py="xl">
            <Loader aria-label={tc('loading')} />
          </Center>
        ) : (
          <Stack gap="md">
            <header>
              <Title order={1} fz={22} data-testid="report-title">
                {reportTitle(m, t)}
              </Title>
              <Text size="sm" c="gray.7" mt={4}>
                {t('report.generated', {
                  date: formatDate(format(new Date(), 'yyyy-MM-dd')),
                  previous: formatPeriod(m.previous.period),
                  asOf: formatDate(m.asOf),
                })}{' '}
                {t('report.targetNote', { target: formatScore(m.targetPct) })}
              </Text>
            </header>
            <Section title={t('dashboard.sections.summary')} table={summaryTable(m, t)} fileName={`samenvatting-${m.period}`}>
              <DataTableView caption={t('dashboard.sections.summary')} table={summaryTable(m, t)} fit testId="report-summary" />
            </Section>
            <Section title={t('dashboard.sections.coaches')} table={coachesTable(m, t)} fileName={`coaches-${m.period}`}>
              <DataTableView caption={t('dashboard.sections.coaches')} table={coachesTable(m, t)} fit />
            </Section>
            <SimpleGrid cols={2} spacing="md">
              <DistributionChart month={m} print />
              <CriticalChart month={m} print />
            </SimpleGrid>
            <Section
              title={t('dashboard.sections.missed')}
              table={missedTable(m, t)}
              fileName={`criteria-${m.period}`}
              hint={t('dashboard.missedHint', { count: m.minApplicable })}
            >
              <DataTableView caption={t('dashboard.sections.missed')} table={missedTable(m, t)} fit />
            </Section>
            <Section title={t('dashboard.sections.belowTarget')} table={belowTargetTable(m, t)} fileName={`onder-de-norm-${m.period}`}>
              <DataTableView caption={t('dashboard.sections.belowTarget')} table={belowTargetTable(m, t)} fit />
            </Section>
            <Section title={t('dashboard.sections.advisors')} table={advisorsTable(m, t)} fileName={`medewerkers-${m.period}`}>
              <DataTableView caption={t('dashboard.sections.advisors')} table={advisorsTable(m, t)} fit testId="report-advisors" />
            </Section>
            <Section title={t('dashboard.sections.actionPoints')} table={actionPointsTable(m, t)} fileName={`actiepunten-${m.period}`}>
              <DataTableView caption={t('dashboard.sections.actionPoints')} table={actionPointsTable(m, t)} fit />
            </Section>
            <Section title={t('dashboard.sections.newHires')} table={newHiresTable(m, t)} fileName={`nieuwe-medewerkers-${m.period}`}>
              <DataTableView caption={t('dashboard.sections.newHires')} table={newHiresTable(m, t)} fit />
            </Section>
          </Stack>
        )}
      </article>
    </Box>
  );
}
