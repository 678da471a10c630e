import { Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RubricAssignments as Assignments, RubricSummary } from '@contract';
import { api } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifyError, notifySuccess } from '../../components/notify';

const AUTO = 'auto';
const FOLLOW = 'default';

/** Per team (and a default) the published version new evaluations are pinned to. */
export function RubricAssignments({ rubrics }: { rubrics: RubricSummary[] }) {
  const { t } = useTranslation('rubrics');
  const assignments = useChannel('rubrics.assignments', {}, ['rubrics', 'settings']);
  const advisors = useChannel('staff.list', { roles: ['advisor'] }, ['staff']);
  const headingId = 'rubric-assignments-title';

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId} data-testid="rubric-assignments">
      <Stack>
        <Title order={2} fz="lg" id={headingId}>
          {t('assignments.title')}
        </Title>
        <Text size="sm" maw={880}>
          {t('assignments.intro')}
        </Text>
        <ErrorAlert error={assignments.error ?? advisors.error} />
        {assignments.data && advisors.data ? (
          // Keyed by what is stored, so a save elsewhere starts the form from the new state.
          <AssignmentsForm
            key={JSON.stringify(assignments.data)}
            stored={assignments.data}
            rubrics={rubrics}
            teams={[...new Set([...advisors.data.map((a) => a.team), ...assignments.data.teams.map((x) => x.team)])]
              .filter((team) => team.trim() !== '')
              .sort((a, b) => a.localeCompare(b, 'nl'))}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}

function AssignmentsForm({ stored, rubrics, teams }: { stored: Assignments; rubrics: RubricSummary[]; teams: string[] }) {
  const { t } = useTranslation('rubrics');
  const [defaultChoice, setDefaultChoice] = useState(stored.defaultVersionId ? String(stored.defaultVersionId) : AUTO);
  const [teamChoices, setTeamChoices] = useState<Record<string, string>>(() =>
    Object.fromEntries(stored.teams.map((x) => [x.team, String(x.versionId)])),
  );
  const [saving, setSaving] = useState(false);

  const published = useMemo(
    () =>
      rubrics.flatMap((r) =>
        r.versions
          .filter((v) => v.status === 'published')
          .map((v) => ({ value: String(v.id), label: t('assignments.option', { name: r.name, version: v.version }) })),
      ),
    [rubrics, t],
  );
  const firstRubric = rubrics.find((r) => r.versions.some((v) => v.status === 'published'));
  const autoLabel = firstRubric ? t('assignments.auto', { name: firstRubric.name }) : t('assignments.autoPlain');

  const save = async () => {
    setSaving(true);
    try {
      await api.call('rubrics.setAssignments', {
        defaultVersionId: defaultChoice === AUTO ? null : Number(defaultChoice),
        teams: teams
          .filter((team) => (teamChoices[team] ?? FOLLOW) !== FOLLOW)
          .map((team) => ({ team, versionId: Number(teamChoices[team]) })),
      });
      notifySuccess(t('assignments.saved'));
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack>
      <Select
        label={t('assignments.default')}
        data={[{ value: AUTO, label: autoLabel }, ...published]}
        value={defaultChoice}
        onChange={(v) => v && setDefaultChoice(v)}
        allowDeselect={false}
        maw={680}
        data-testid="assignment-default"
      />
      {teams.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('assignments.noTeams')}
        </Text>
      ) : (
        <Table verticalSpacing="xs" maw={880} aria-label={t('assignments.tableLabel')} data-testid="assignment-teams">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('assignments.teamColumn')}</Table.Th>
              <Table.Th>{t('assignments.versionColumn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {teams.map((team) => (
              <Table.Tr key={team}>
                <Table.Td fw={600}>{team}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('assignments.teamSelect', { team })}
                    data={[{ value: FOLLOW, label: t('assignments.followDefault') }, ...published]}
                    value={teamChoices[team] ?? FOLLOW}
                    onChange={(v) => v && setTeamChoices((c) => ({ ...c, [team]: v }))}
                    allowDeselect={false}
                    maw={520}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button onClick={() => void save()} loading={saving} data-testid="save-assignments">
          {t('assignments.save')}
        </Button>
      </Group>
    </Stack>
  );
}
