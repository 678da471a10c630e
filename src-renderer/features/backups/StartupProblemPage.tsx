import { Alert, Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDatabaseOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus, BackupInfo } from '@contract';
import { useChannel } from '../../api/use-channel';
import { TeamStartupOption } from '../team/TeamPanel';
import { BackupTable } from './BackupTable';
import { RestoreModal } from './RestoreModal';

type Failed = Extract<AppStatus, { state: 'failed' }>;

/**
 * What a person sees instead of the app when the database does not open (not SQLite, damaged,
 * from a newer Klankbord): the reason in plain Dutch, and the two ways out.
 */
export function StartupProblemPage({ status, onRetry }: { status: Failed; onRetry(): void }) {
  const { t } = useTranslation('backups');
  const list = useChannel('backups.list', {}, []);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const canChooseFolder = !!window.klankbord?.chooseDataFolder;
  const backups = list.data?.backups ?? [];

  return (
    <Container size="md" py="xl">
      <Stack>
        <Group gap="sm">
          <IconDatabaseOff size={32} aria-hidden />
          <Title order={1} fz="h2">
            {t('startupTitle')}
          </Title>
        </Group>
        <Text>{t('startupIntro')}</Text>
        <Alert color="red" variant="light" title={t('startupProblem')} data-testid="startup-problem">
          <Text size="sm">{status.problem.message}</Text>
        </Alert>
        <Text size="sm">
          {t('startupDatabase')}: <code>{status.databaseFile}</code>
        </Text>

        {status.mode === 'team' && <TeamStartupOption />}

        {/* In team mode backups and restores are IT's, on the server. */}
        {status.mode !== 'team' && (
          <Paper withBorder p="lg" radius="md">
            <Stack>
              <Title order={2} fz="lg">
                1. {t('startupOptionRestore')}
              </Title>
              <Text size="sm">{t('startupOptionRestoreText')}</Text>
              {list.data && backups.length === 0 && <Text size="sm">{t('startupNoBackups')}</Text>}
              {backups.length > 0 && <BackupTable backups={backups} onRestore={setRestoring} />}
            </Stack>
          </Paper>
        )}

        <Paper withBorder p="lg" radius="md">
          <Stack>
            <Title order={2} fz="lg">
              2. {t('startupOptionFolder')}
            </Title>
            <Text size="sm">{t('startupOptionFolderText')}</Text>
            <Text size="sm">
              {t('startupDataDir')}: <code>{status.dataDir}</code>
            </Text>
            {canChooseFolder ? (
              <Group>
                <Button variant="light" onClick={() => void window.klankbord?.chooseDataFolder?.()}>
                  {t('startupChooseFolder')}
                </Button>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {t('startupFolderWeb')}
              </Text>
            )}
          </Stack>
        </Paper>

        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('startupHelp')}
          </Text>
          <Button variant="default" onClick={onRetry}>
            {t('startupRetry')}
          </Button>
        </Group>
      </Stack>
      <RestoreModal backup={restoring} onClose={() => setRestoring(null)} />
    </Container>
  );
}
