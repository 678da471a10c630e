import { Anchor, Badge, Button, FileButton, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { RubricSummary } from '@contract';
import { api, ApiError } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { DiscardModal, exportVersion, PublishModal, startNewVersion, type VersionRef } from './actions';
import { CreateRubricModal } from './CreateRubricModal';
import { RubricAssignments } from './RubricAssignments';

/** The contract accepts 2 million characters; a rubric file is a few tens of kilobytes. */
const maxImportBytes = 2_000_000;

export function RubricsPage() {
  const { t } = useTranslation('rubrics');
  const navigate = useNavigate();
  const rubrics = useChannel('rubrics.list', {}, ['rubrics', 'evaluations']);
  const [importError, setImportError] = useState<Error | null>(null);
  const [importing, setImporting] = useState(false);
  const resetFile = useRef<() => void>(null);
  const [creating, setCreating] = useState(false);
  const [publishing, setPublishing] = useState<{ opened: boolean; target: VersionRef | null }>({ opened: false, target: null });
  const [discarding, setDiscarding] = useState<{ opened: boolean; target: VersionRef | null; onlyVersion: boolean }>({
    opened: false,
    target: null,
    onlyVersion: false,
  });
  const openVersion = (id: number) => void navigate(`/rubrics/versions/${id}`);
  // Hidden by Mantine, but named for assistive technology and reachable for the e2e tests.
  const importInputProps = { 'aria-label': t('importFileLabel'), 'data-testid': 'import-input' };

  const importFile = async (file: File | null) => {
    resetFile.current?.();
    if (!file) return;
    setImportError(null);
    if (file.size > maxImportBytes) {
      setImportError(new Error(t('importTooLarge', { fileName: file.name })));
      return;
    }
    setImporting(true);
    try {
      const draft = await api.call('rubrics.import', { fileName: file.name, text: await file.text() });
      notifySuccess(t('imported', { name: draft.name, version: draft.version }));
      openVersion(draft.id);
    } catch (error) {
      setImportError(error instanceof Error ? error : new ApiError('internal', { detail: String(error) }, String(error)));
    } finally {
      setImporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            <FileButton
              onChange={(file) => void importFile(file)}
              accept="application/json,.json"
              resetRef={resetFile}
              inputProps={importInputProps}
            >
              {(props) => (
                <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} loading={importing} {...props}>
                  {t('import')}
                </Button>
              )}
            </FileButton>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid="new-rubric">
              {t('newRubric')}
            </Button>
          </>
        }
      />
      <Stack gap="lg">
        <ErrorAlert error={importError} title={t('importFailed')} />
        <ErrorAlert error={rubrics.error} />
        {rubrics.data?.length === 0 ? (
          <Paper withBorder radius="md" p="xl">
            <Text c="gray.7" ta="center">
              {t('empty')}
            </Text>
          </Paper>
        ) : null}
        {rubrics.data?.map((rubric) => (
          <RubricCard
            key={rubric.id}
            rubric={rubric}
            onOpen={openVersion}
            onPublish={(target) => setPublishing({ opened: true, target })}
            onDiscard={(target) => setDiscarding({ opened: true, target, onlyVersion: rubric.versions.length === 1 })}
          />
        ))}
        {rubrics.data ? <RubricAssignments rubrics={rubrics.data} /> : null}
      </Stack>

      <CreateRubricModal opened={creating} onClose={() => setCreating(false)} onCreated={openVersion} />
      <PublishModal target={publishing.target} opened={publishing.opened} onClose={() => setPublishing((p) => ({ ...p, opened: false }))} />
      <DiscardModal
        target={discarding.target}
        opened={discarding.opened}
        onlyVersion={discarding.onlyVersion}
        onClose={() => setDiscarding((d) => ({ ...d, opened: false }))}
      />
    </>
  );
}

function RubricCard({
  rubric,
  onOpen,
  onPublish,
  onDiscard,
}: {
  rubric: RubricSummary;
  onOpen(id: number): void;
  onPublish(target: VersionRef): void;
  onDiscard(target: VersionRef): void;
}) {
  const { t } = useTranslation('rubrics');
  const [starting, setStarting] = useState(false);
  const draft = rubric.versions.find((v) => v.status === 'draft');
  const headingId = `rubric-${rubric.id}-title`;

  const newVersion = async () => {
    setStarting(true);
    await startNewVersion(rubric.id, onOpen);
    setStarting(false);
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId} data-testid={`rubric-${rubric.key}`}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={2}>
          <Title order={2} fz="lg" id={headingId}>
            {rubric.name}
          </Title>
          <Text size="sm" c="dimmed" ff="monospace">
            {t('key', { key: rubric.key })}
          </Text>
        </Stack>
        {draft ? (
          <Button variant="light" onClick={() => onOpen(draft.id)} data-testid="open-draft">
            {t('openDraft', { version: draft.version })}
          </Button>
        ) : (
          <Button variant="light" onClick={() => void newVersion()} loading={starting} data-testid="new-version">
            {t('newVersion')}
          </Button>
        )}
      </Group>
      <Table.ScrollContainer minWidth={760} type="native">
        <Table verticalSpacing="sm" aria-label={t('versionsLabel', { name: rubric.name })} data-testid="versions-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('columns.version')}</Table.Th>
              <Table.Th>{t('columns.status')}</Table.Th>
              <Table.Th>{t('columns.created')}</Table.Th>
              <Table.Th>{t('columns.published')}</Table.Th>
              <Table.Th>{t('columns.evaluations')}</Table.Th>
              <Table.Th>{t('columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rubric.versions.map((v) => (
              <Table.Tr key={v.id} data-testid={`version-row-${v.version}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/rubrics/versions/${v.id}`} fw={600}>
                    {t('versionN', { version: v.version })}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={v.status === 'draft' ? 'gray' : 'klankbord'} data-testid="version-status">
                    {t(`status.${v.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatDate(v.createdAt)}</Table.Td>
                <Table.Td>{formatDate(v.publishedAt)}</Table.Td>
                <Table.Td>{t('evaluationCount', { count: v.evaluations })}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Button size="compact-sm" variant="subtle" onClick={() => onOpen(v.id)}>
                      {v.status === 'draft' ? t('edit') : t('open')}
                    </Button>
                    <Button size="compact-sm" variant="subtle" onClick={() => void exportVersion(v.id)}>
                      {t('export')}
                    </Button>
                    {v.status === 'draft' ? (
                      <>
                        <Button size="compact-sm" variant="subtle" onClick={() => onPublish({ id: v.id, version: v.version })}>
                          {t('publish')}
                        </Button>
                        <Button size="compact-sm" variant="subtle" color="red" onClick={() => onDiscard({ id: v.id, version: v.version })}>
                          {t('discard')}
                        </Button>
                      </>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
