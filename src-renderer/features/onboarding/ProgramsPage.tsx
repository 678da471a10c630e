import { Button, Group, Paper, Table, Text } from '@mantine/core';
import { IconCopy, IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { BackLink } from '../../components/BackLink';
import { PageHeader } from '../../components/PageHeader';

export function ProgramsPage() {
  const { t } = useTranslation('onboarding');
  const programs = useChannel('onboarding.programs', {}, ['onboarding']);
  return (
    <>
      <BackLink to="/onboarding">{t('track.back')}</BackLink>
      <PageHeader
        title={t('programs.title')}
        subtitle={t('programs.subtitle')}
        actions={
          <Button component={Link} to="/onboarding/programs/new" leftSection={<IconPlus size={16} aria-hidden />}>
            {t('programs.new')}
          </Button>
        }
      />
      <ErrorAlert error={programs.error} />
      <Paper withBorder radius="md" p="lg">
        <Table verticalSpacing="sm" aria-label={t('programs.title')} data-testid="programs-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('programs.columns.name')}</Table.Th>
              <Table.Th>{t('programs.columns.weeks')}</Table.Th>
              <Table.Th>{t('programs.columns.items')}</Table.Th>
              <Table.Th>{t('programs.columns.running')}</Table.Th>
              <Table.Th>{t('programs.columns.updated')}</Table.Th>
              <Table.Th>{t('programs.columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(programs.data ?? []).map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {p.name}
                  </Text>
                  {p.description ? (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {p.description}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{p.weeks}</Table.Td>
                <Table.Td>{p.itemCount}</Table.Td>
                <Table.Td>{p.runningCount}</Table.Td>
                <Table.Td>{formatDateTime(p.updatedAt)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      component={Link}
                      to={`/onboarding/programs/${p.id}`}
                      size="compact-sm"
                      variant="light"
                      leftSection={<IconPencil size={14} aria-hidden />}
                      aria-label={t('programs.editLabel', { name: p.name })}
                    >
                      {t('programs.edit')}
                    </Button>
                    <Button
                      component={Link}
                      to={`/onboarding/programs/new?from=${p.id}`}
                      size="compact-sm"
                      variant="default"
                      leftSection={<IconCopy size={14} aria-hidden />}
                      aria-label={t('programs.copyLabel', { name: p.name })}
                    >
                      {t('programs.copy')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </>
  );
}
