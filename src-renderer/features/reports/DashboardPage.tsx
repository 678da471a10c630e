import { Button, Center, Group, Loader, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf, IconReport, IconTarget } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { TeamMonth } from '@contract';
import { useChannel } from '../../api/use-channel';
import { DataTableView } from '../../components/charts/DataTableView';
import { fileSlug } from '../../components/charts/table-data';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatPeriod } from '../../components/format';
import { MonthSelect } from '../../components/MonthSelect';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { usePeriod } from '../coaching/use-period';
import { actionPointsTable, advisorsTable, belowTargetTable, coachesTable, missedTable, newHiresTable, summaryTable } from './month-tables';
import { CriticalChart, DistributionChart, HeadlineCards, Section } from './parts';
import { TargetsModal } from './TargetsModal';
import { downloadWorkbook } from './xlsx';

/** Topics whose writes change the month's numbers. */
export const teamMonthTopics = ['evaluations', 'feedback', 'plan', 'staff', 'settings'] as const;

/** The report route for the same month and team; `print` opens the print dialog once it has drawn. */
export const reportPath = (period: string, team: string | undefined, print = false) => {
  const query = new URLSearchParams();
  if (team) query.set('team', team);
  if (print) query.set('print', '1');
  const qs = query.toString();
  return `/report/${period}${qs ? `?${qs}` : ''}`;
};

export function DashboardPage() {
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const [period, setPeriod] = usePeriod();
  const [params, setParams] = useSearchParams();
  const team = params.get('team') || undefined;
  const targets = useChannel('reports.targets', {}, ['settings', 'staff']);
  const month = useChannel('reports.teamMonth', { period, team }, [...teamMonthTopics]);
  const [exporting, setExporting] = useState(false);
  const [editingTargets, setEditingTargets] = useState(false);
  const m = month.data;

  const setTeam = (next: string | null) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next) updated.set('team', next);
        else updated.delete('team');
        return updated;
      },
      { replace: true },
    );

  const exportXlsx = async () => {
    if (!m) return;
    setExporting(true);
    try {
      notifySuccess(t('dashboard.xlsxDone', { fileName: await downloadWorkbook(m, t) }));
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        subtitle={
          m
            ? t('dashboard.subtitle', {
                team: m.team ?? t('dashboard.allTeams'),
                month: formatPeriod(m.period),
                previous: formatPeriod(m.previous.period),
              })
            : undefined
        }
        actions={
          <>
            <Button
              component={Link}
              to={reportPath(period, team)}
              variant="default"
              leftSection={<IconReport size={16} aria-hidden />}
              data-testid="open-report"
            >
              {t('dashboard.report')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileTypePdf size={16} aria-hidden />}
              onClick={() => void navigate(reportPath(period, team, true))}
              disabled={!m}
              data-testid="export-pdf"
            >
              {t('dashboard.pdf')}
            </Button>
            <Button
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
              onClick={() => void exportXlsx()}
              loading={exporting}
              disabled={!m}
              data-testid="export-xlsx"
            >
              {t('dashboard.xlsx')}
            </Button>
          </>
        }
      />
      <Stack gap="lg">
        <Group align="flex-end" gap="lg">
          <MonthSelect label={t('dashboard.month')} value={period} onChange={setPeriod} testId="dashboard-period" />
          <Select
            label={t('dashboard.team')}
            data={[
              { value: '', label: t('dashboard.allTeams') },
              ...(targets.data?.teams ?? []).map((tm) => ({ value: tm.team, label: tm.team })),
            ]}
            value={team ?? ''}
            onChange={(v) => setTeam(v || null)}
            allowDeselect={false}
            w={220}
            data-testid="dashboard-team"
          />
          <Button
            variant="default"
            leftSection={<IconTarget size={16} aria-hidden />}
            onClick={() => setEditingTargets(true)}
            disabled={!targets.data}
            data-testid="open-targets"
          >
            {t('targets.open')}
          </Button>
          {m ? (
            <Text size="sm" c="gray.7" mb={8}>
              {t('dashboard.asOf', { date: formatDate(m.asOf) })}
            </Text>
          ) : null}
        </Group>
        <ErrorAlert error={month.error ?? targets.error} />
        {m ? (
          <MonthView month={m} />
        ) : month.error ? null : (
          <Center py="xl">
            <Loader aria-label={tc('loading')} />
          </Center>
        )}
      </Stack>
      <TargetsModal opened={editingTargets} targets={targets.data} onClose={() => setEditingTargets(false)} />
    </>
  );
}

const slug = (m: TeamMonth, what: string) => `${what}-${m.period}${m.team ? `-${fileSlug(m.team)}` : ''}`;

function MonthView({ month: m }: { month: TeamMonth }) {
  const { t } = useTranslation('reports');
  const coachLink = (coachId: number | null) => (coachId === null ? null : `/my-month?period=${m.period}&coach=${coachId}`);
  return (
    <Stack gap="lg">
      <Section title={t('dashboard.sections.summary')} table={summaryTable(m, t)} fileName={slug(m, 'samenvatting')} testId="summary">
        <HeadlineCards month={m} />
      </Section>

      <Section title={t('dashboard.sections.coaches')} table={coachesTable(m, t)} fileName={slug(m, 'coaches')} testId="coaches">
        {m.coaches.length === 0 ? (
          <Empty text={t('dashboard.nothing.coaches')} />
        ) : (
          <DataTableView
            caption={t('dashboard.sections.coaches')}
            table={coachesTable(m, t)}
            rowLinks={m.coaches.map((c) => coachLink(c.coachId))}
            testId="coaches-table"
          />
        )}
      </Section>

      <Section title={t('dashboard.sections.advisors')} table={advisorsTable(m, t)} fileName={slug(m, 'medewerkers')} testId="advisors">
        {m.advisors.length === 0 ? (
          <Empty text={t('dashboard.nothing.advisors')} />
        ) : (
          <DataTableView
            caption={t('dashboard.sections.advisors')}
            table={advisorsTable(m, t)}
            rowLinks={m.advisors.map((a) => `/staff/${a.advisorId}`)}
            testId="advisors-table"
          />
        )}
      </Section>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <DistributionChart month={m} />
        <CriticalChart month={m} />
      </SimpleGrid>

      <Section
        title={t('dashboard.sections.missed')}
        table={missedTable(m, t)}
        fileName={slug(m, 'criteria')}
        hint={t('dashboard.missedHint', { count: m.minApplicable })}
        testId="missed"
      >
        {m.topMissed.length === 0 ? (
          <Empty text={t('dashboard.nothing.missed')} />
        ) : (
          <DataTableView caption={t('dashboard.sections.missed')} table={missedTable(m, t)} testId="missed-table" />
        )}
      </Section>

      <Section
        title={t('dashboard.sections.belowTarget')}
        table={belowTargetTable(m, t)}
        fileName={slug(m, 'onder-de-norm')}
        testId="below-target"
      >
        {m.belowTarget.length === 0 ? (
          <Empty text={t('dashboard.nothing.belowTarget')} />
        ) : (
          <DataTableView
            caption={t('dashboard.sections.belowTarget')}
            table={belowTargetTable(m, t)}
            rowLinks={m.belowTarget.map((a) => `/staff/${a.advisorId}/trend`)}
            testId="below-target-table"
          />
        )}
      </Section>
      <Section
        title={t('dashboard.sections.newHires')}
        table={newHiresTable(m, t)}
        fileName={slug(m, 'nieuwe-medewerkers')}
        testId="new-hires"
      >
        {m.newHires.length === 0 ? (
          <Empty text={t('dashboard.nothing.newHires')} />
        ) : (
          <DataTableView
            caption={t('dashboard.sections.newHires')}
            table={newHiresTable(m, t)}
            rowLinks={m.newHires.map((h) => `/staff/${h.advisorId}/trend`)}
            testId="new-hires-table"
          />
        )}
      </Section>

      <Section
        title={t('dashboard.sections.actionPoints')}
        table={actionPointsTable(m, t)}
        fileName={slug(m, 'actiepunten')}
        testId="action-points"
      >
        {m.actionPoints.length === 0 ? (
          <Empty text={t('dashboard.nothing.actionPoints')} />
        ) : (
          <DataTableView
            caption={t('dashboard.sections.actionPoints')}
            table={actionPointsTable(m, t)}
            rowLinks={m.actionPoints.map((a) => `/staff/${a.advisorId}`)}
            testId="action-points-table"
          />
        )}
      </Section>
    </Stack>
  );
}

function Empty({ text }: { text: string }) {
  return (
    <Text size="sm" c="gray.7" py="xs">
      {text}
    </Text>
  );
}
