import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Badge, Button, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { IconDownload, IconEye, IconListDetails, IconLock, IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { FormProvider, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { rubricDefinition, type RubricDefinition, type RubricSummary, type RubricVersion } from '@contract';
import { api, ApiError } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { BackLink } from '../../components/BackLink';
import { PageHeader } from '../../components/PageHeader';
import { DiscardModal, exportVersion, PublishModal, startNewVersion } from './actions';
import { fillKeys, type RubricFormValues } from './keys';
import { RubricForm } from './RubricForm';
import { RubricPreview } from './RubricPreview';
import { RubricView } from './RubricView';

export function RubricEditorPage() {
  const id = Number(useParams().id);
  const version = useChannel('rubrics.getVersion', { id }, ['rubrics']);
  const list = useChannel('rubrics.list', {}, ['rubrics', 'evaluations']);
  // Not refreshed on writes: the form is reset explicitly after its own save, never mid-typing.
  const definition = useChannel('rubrics.definition', { id }, []);

  const v = version.data;
  const rubric = list.data?.find((r) => r.id === v?.rubricId);
  if (version.error) return <ErrorAlert error={version.error} />;
  if (!v || !rubric || v.id !== id) return <ErrorAlert error={list.error} />;
  if (v.status === 'published') return <PublishedVersion version={v} rubric={rubric} />;
  if (!definition.data || definition.loading) return <ErrorAlert error={definition.error} />;
  return <DraftEditor key={v.id} version={v} rubric={rubric} definition={definition.data} />;
}

function summaryOf(version: RubricVersion, rubric: RubricSummary) {
  return rubric.versions.find((x) => x.id === version.id);
}

function AllRubricsLink() {
  const { t } = useTranslation('rubrics');
  return <BackLink to="/rubrics">{t('allRubrics')}</BackLink>;
}

/** Status badge and version line; spans only, since the header puts the subtitle in a paragraph. */
function VersionLine({ status, text }: { status: RubricVersion['status']; text: string }) {
  const { t } = useTranslation('rubrics');
  return (
    <Group gap="xs" component="span">
      <Badge component="span" variant="light" color={status === 'draft' ? 'gray' : 'klankbord'} data-testid="rubric-status">
        {t(`status.${status}`)}
      </Badge>
      <span>{text}</span>
    </Group>
  );
}

function PublishedVersion({ version, rubric }: { version: RubricVersion; rubric: RubricSummary }) {
  const { t } = useTranslation('rubrics');
  const navigate = useNavigate();
  const summary = summaryOf(version, rubric);
  const draft = rubric.versions.find((x) => x.status === 'draft');
  const [starting, setStarting] = useState(false);
  const newVersion = async () => {
    setStarting(true);
    await startNewVersion(rubric.id, (draftId) => void navigate(`/rubrics/versions/${draftId}`));
    setStarting(false);
  };

  return (
    <>
      <AllRubricsLink />
      <PageHeader
        title={version.name}
        subtitle={
          <VersionLine
            status={version.status}
            text={t('editor.publishedSubtitle', {
              version: version.version,
              date: formatDate(summary?.publishedAt ?? null),
              evaluations: t('evaluationCount', { count: summary?.evaluations ?? 0 }),
            })}
          />
        }
        actions={
          <>
            <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void exportVersion(version.id)}>
              {t('export')}
            </Button>
            {draft ? (
              <Button onClick={() => void navigate(`/rubrics/versions/${draft.id}`)} data-testid="open-draft">
                {t('openDraft', { version: draft.version })}
              </Button>
            ) : (
              <Button
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => void newVersion()}
                loading={starting}
                data-testid="new-version"
              >
                {t('newVersion')}
              </Button>
            )}
          </>
        }
      />
      <Alert color="klankbord" variant="light" icon={<IconLock aria-hidden />} mb="lg">
        <Text size="sm">{t('editor.readOnly')}</Text>
      </Alert>
      <VersionTabs formLabel={t('editor.tabForm')} form={<RubricView rubric={version} />} version={version} />
    </>
  );
}

function VersionTabs({
  formLabel,
  form,
  version,
  notice,
}: {
  formLabel: string;
  form: ReactNode;
  version: RubricVersion;
  notice?: ReactNode;
}) {
  const { t } = useTranslation('rubrics');
  // A save replaces the draft's criteria (new ids), so the preview starts again on the saved content.
  const previewKey = version.sections.flatMap((s) => s.criteria.map((c) => c.id)).join(',');
  return (
    <Tabs defaultValue="form">
      <Tabs.List mb="lg">
        <Tabs.Tab value="form" leftSection={<IconListDetails size={16} aria-hidden />}>
          {formLabel}
        </Tabs.Tab>
        <Tabs.Tab value="preview" leftSection={<IconEye size={16} aria-hidden />} data-testid="preview-tab">
          {t('editor.tabPreview')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="form">{form}</Tabs.Panel>
      <Tabs.Panel value="preview">
        <Stack>
          {notice}
          <RubricPreview key={`${previewKey}-${String(version.criticalZeroesTotal)}`} rubric={version} />
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}

const criterionKeys = (def: RubricDefinition) => new Set(def.sections.flatMap((s) => s.criteria.map((c) => c.key)));

/** Empty keys are derived from titles before zod sees them, so authors never have to invent one. */
const resolver: Resolver<RubricFormValues, unknown, RubricDefinition> = (values, context, options) =>
  zodResolver(rubricDefinition)(fillKeys(values), context, options);

function DraftEditor({ version, rubric, definition }: { version: RubricVersion; rubric: RubricSummary; definition: RubricDefinition }) {
  const { t } = useTranslation('rubrics');
  const navigate = useNavigate();
  const summary = summaryOf(version, rubric);
  const form = useForm<RubricFormValues, unknown, RubricDefinition>({ resolver, defaultValues: definition });
  const { isDirty, isSubmitting } = form.formState;
  const [saveError, setSaveError] = useState<Error | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const keyLocked = rubric.versions.some((x) => x.status === 'published');
  const [savedKeys, setSavedKeys] = useState(() => criterionKeys(definition));
  // The draft as this editor last saw it: a save by someone else since then is a conflict, not an overwrite.
  const [revision, setRevision] = useState(version.revision);

  const save = form.handleSubmit(
    async (values) => {
      setSaveError(null);
      try {
        const saved = await api.call('rubrics.saveDraft', { id: version.id, definition: values, expectedRevision: revision });
        setRevision(saved.revision);
        const fresh = await api.call('rubrics.definition', { id: version.id });
        form.reset(fresh);
        setSavedKeys(criterionKeys(fresh));
        notifySuccess(t('editor.saved', { version: saved.version }));
      } catch (error) {
        setSaveError(error instanceof Error ? error : new ApiError('internal', { detail: String(error) }, String(error)));
      }
    },
    () => setSaveError(new Error(t('editor.invalid'))),
  );

  return (
    <>
      <AllRubricsLink />
      <PageHeader
        title={version.name}
        subtitle={
          <VersionLine
            status={version.status}
            text={t('editor.draftSubtitle', { version: version.version, date: formatDate(summary?.createdAt ?? null) })}
          />
        }
        actions={
          <>
            <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void exportVersion(version.id)}>
              {t('export')}
            </Button>
            <Button variant="default" color="red" onClick={() => setDiscarding(true)} data-testid="discard-draft">
              {t('discard')}
            </Button>
            <Button onClick={() => setPublishing(true)} disabled={isDirty} data-testid="publish">
              {t('publish')}
            </Button>
          </>
        }
      />
      <FormProvider {...form}>
        <VersionTabs
          formLabel={t('editor.tabEdit')}
          version={version}
          notice={
            isDirty ? (
              <Alert color="blue" variant="light" data-testid="preview-uses-saved">
                <Text size="sm">{t('preview.usesSaved')}</Text>
              </Alert>
            ) : null
          }
          form={
            <form onSubmit={(e) => void save(e)} noValidate aria-label={t('editor.tabEdit')} data-testid="rubric-form">
              <Stack gap="lg">
                <Paper withBorder radius="md" p="sm" pos="sticky" top={68} shadow="xs" style={{ zIndex: 5 }}>
                  <Group justify="space-between">
                    <Text size="sm" c={isDirty ? 'dark' : 'gray.7'} fw={isDirty ? 600 : undefined} role="status" data-testid="form-state">
                      {isDirty ? t('editor.dirty') : t('editor.clean')}
                      {isDirty ? ` — ${t('editor.saveBeforePublish')}` : ''}
                    </Text>
                    <Group gap="sm">
                      <Button variant="default" disabled={!isDirty} onClick={() => form.reset()}>
                        {t('editor.revert')}
                      </Button>
                      <Button type="submit" loading={isSubmitting} data-testid="save-draft">
                        {t('editor.save')}
                      </Button>
                    </Group>
                  </Group>
                </Paper>
                <ErrorAlert error={saveError} title={t('editor.saveFailed')} />
                <RubricForm keyLocked={keyLocked} savedKeys={savedKeys} />
              </Stack>
            </form>
          }
        />
      </FormProvider>
      <PublishModal target={version} opened={publishing} onClose={() => setPublishing(false)} />
      <DiscardModal
        target={version}
        opened={discarding}
        onlyVersion={rubric.versions.length === 1}
        onClose={() => setDiscarding(false)}
        onDiscarded={() => void navigate('/rubrics')}
      />
    </>
  );
}
