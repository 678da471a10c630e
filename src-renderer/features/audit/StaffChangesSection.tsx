import { Anchor, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AuditTable } from './AuditTable';

const SHOWN = 10;

/** "Wijzigingen" on a person's page: the newest audit entries of their record, coach and quota. */
export function StaffChangesSection({ staffId, name }: { staffId: number; name: string }) {
  const { t } = useTranslation('audit');
  const { t: tc } = useTranslation();
  const changes = useChannel('audit.list', { entity: 'staff', entityId: staffId, limit: SHOWN }, ['staff', 'plan', 'onboarding']);
  const list = changes.data ?? [];

  return (
    <Stack gap="sm" mt="xl" data-testid="staff-changes">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2} fz="xl">
            {t('staffSection.title')}
          </Title>
          <Text size="sm" c="gray.7">
            {t('staffSection.intro', { name })}
          </Text>
        </Stack>
        <Anchor component={Link} to={`/audit?type=staff&id=${staffId}`} size="sm">
          {t('staffSection.all')}
        </Anchor>
      </Group>
      <ErrorAlert error={changes.error} />
      <Paper withBorder radius="md">
        {changes.data === undefined && !changes.error ? (
          <Center p="lg">
            <Loader size="sm" aria-label={tc('loading')} />
          </Center>
        ) : list.length === 0 ? (
          <Text p="lg" c="gray.7" ta="center">
            {t('staffSection.empty')}
          </Text>
        ) : (
          <AuditTable entries={list} label={t('staffSection.tableLabel', { name })} showWhat={false} />
        )}
      </Paper>
    </Stack>
  );
}
