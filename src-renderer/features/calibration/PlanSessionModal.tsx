import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm, useWatch, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  calibrationCreateInput,
  type CalibrationSession,
  type Recording,
  type RubricSummary,
  type RubricAssignments,
  type StaffMember,
} from '@contract';
import { api, ApiError } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { notifySuccess } from '../../components/notify';

type FormInput = z.input<typeof calibrationCreateInput>;
type FormOutput = z.output<typeof calibrationCreateInput>;

const scorerRoles = new Set<StaffMember['role']>(['coach', 'manager', 'trainer']);

/** Newest call first; a call without a time sorts by when it was imported. */
const callMoment = (r: Recording) => r.callAt ?? r.importedAt;

/**
 * The version the core uses when none is chosen, mirrored for the placeholder: the advisor's team's
 * version, else the default, else the newest published version of the first rubric that has one.
 */
function defaultVersion(
  recording: Recording | undefined,
  staff: StaffMember[],
  assignments: RubricAssignments | undefined,
  rubrics: RubricSummary[],
): { name: string; version: number } | null {
  if (!recording || !assignments) return null;
  const team = staff.find((s) => s.id === recording.advisorId)?.team;
  const chosen = assignments.teams.find((a) => a.team === team)?.versionId ?? assignments.defaultVersionId;
  const published = (r: RubricSummary) => r.versions.filter((v) => v.status === 'published').sort((a, b) => b.version - a.version);
  for (const rubric of rubrics) {
    const version = chosen === null ? published(rubric)[0] : rubric.versions.find((v) => v.id === chosen);
    if (version) return { name: rubric.name, version: version.version };
  }
  return null;
}

export function PlanSessionModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose(): void;
  onCreated(s: CalibrationSession): void;
}) {
  const { t } = useTranslation('calibration');
  const { t: tc } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('form.title')} size="xl" closeButtonProps={{ 'aria-label': tc('actions.close') }}>
      {opened ? <PlanForm onClose={onClose} onCreated={onCreated} /> : null}
    </Modal>
  );
}

function PlanForm({ onClose, onCreated }: { onClose(): void; onCreated(s: CalibrationSession): void }) {
  const { t } = useTranslation('calibration');
  const { t: tc } = useTranslation();
  const recordings = useChannel('recordings.list', {}, ['recordings']);
  const staff = useChannel('staff.list', {}, ['staff']);
  const rubrics = useChannel('rubrics.list', {}, ['rubrics']);
  const assignments = useChannel('rubrics.assignments', {}, ['rubrics']);
  const [serverError, setServerError] = useState<Error | null>(null);

  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(calibrationCreateInput),
    defaultValues: { title: '', participantIds: [], referenceId: null, deadline: null },
  });
  const errors = form.formState.errors;
  const recordingId = useWatch({ control: form.control, name: 'recordingId' });

  const calls = (recordings.data ?? []).filter((r) => r.advisorId !== null).sort((a, b) => callMoment(b).localeCompare(callMoment(a)));
  const callOptions = calls.map((r) => ({
    value: String(r.id),
    label: [r.advisorName, formatDateTime(r.callAt ?? r.importedAt), r.topic].filter(Boolean).join(' — '),
  }));
  const scorers = (staff.data ?? []).filter((s) => scorerRoles.has(s.role));
  const scorerOptions = scorers.map((s) => ({ value: String(s.id), label: `${s.name} (${tc(`roles.${s.role}`)})` }));
  const versionOptions = (rubrics.data ?? []).map((r) => ({
    group: r.name,
    items: r.versions
      .filter((v) => v.status === 'published')
      .sort((a, b) => b.version - a.version)
      .map((v) => ({ value: String(v.id), label: t('rubricLine', { name: r.name, version: v.version }) })),
  }));
  const fallback = defaultVersion(
    calls.find((r) => r.id === recordingId),
    staff.data ?? [],
    assignments.data,
    rubrics.data ?? [],
  );

  // Zod's messages are technical; each field says in words what is expected.
  const message = (error: FieldError | undefined, key: 'title' | 'call' | 'participants' | 'deadline'): string | undefined => {
    if (!error) return undefined;
    if (key === 'participants' && error.type === 'too_big') return t('form.errors.participantsMax');
    return t(`form.errors.${key}`);
  };

  const submit = form.handleSubmit(async (values) => {
    setServerError(null);
    try {
      const session = await api.call('calibration.create', values);
      notifySuccess(t('form.created', { title: session.title }));
      onCreated(session);
    } catch (error) {
      setServerError(error instanceof Error ? error : new ApiError('internal', { detail: String(error) }, String(error)));
    }
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="plan-form">
      <Stack>
        <Text size="sm">{t('form.intro')}</Text>
        <ErrorAlert error={serverError ?? recordings.error ?? staff.error} />
        <TextInput
          label={t('form.name')}
          placeholder={t('form.namePlaceholder')}
          required
          maxLength={120}
          autoComplete="off"
          data-autofocus
          {...form.register('title')}
          error={message(errors.title, 'title')}
        />
        <Controller
          control={form.control}
          name="recordingId"
          render={({ field }) => (
            <Select
              label={t('form.call')}
              description={t('form.callHint')}
              placeholder={t('form.callPlaceholder')}
              required
              searchable
              data={callOptions}
              value={field.value === undefined ? null : String(field.value)}
              onChange={(v) => field.onChange(v === null ? undefined : Number(v))}
              onBlur={field.onBlur}
              nothingFoundMessage={t('form.noCalls')}
              error={message(errors.recordingId, 'call')}
              comboboxProps={{ withinPortal: false }}
              data-testid="plan-call"
            />
          )}
        />
        {recordings.data && calls.length === 0 ? (
          <Alert color="yellow">
            <Text size="sm">{t('form.noCalls')}</Text>
          </Alert>
        ) : null}
        <Controller
          control={form.control}
          name="participantIds"
          render={({ field }) => (
            <MultiSelect
              label={t('form.participants')}
              description={t('form.participantsHint')}
              placeholder={field.value.length === 0 ? t('form.participantsPlaceholder') : undefined}
              required
              searchable
              data={scorerOptions}
              value={field.value.map(String)}
              onChange={(v) => field.onChange(v.map(Number))}
              onBlur={field.onBlur}
              error={message(errors.participantIds as FieldError | undefined, 'participants')}
              comboboxProps={{ withinPortal: false }}
              data-testid="plan-participants"
            />
          )}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={form.control}
            name="referenceId"
            render={({ field }) => (
              <Select
                label={t('form.reference')}
                description={t('form.referenceHint')}
                placeholder={t('form.referencePlaceholder')}
                clearable
                searchable
                data={scorerOptions}
                value={field.value === null ? null : String(field.value)}
                onChange={(v) => {
                  const id = v === null ? null : Number(v);
                  field.onChange(id);
                  // The expert scores too: shown among the participants, so the count of two adds up on screen.
                  const ids = form.getValues('participantIds');
                  if (id !== null && !ids.includes(id))
                    form.setValue('participantIds', [...ids, id], { shouldValidate: form.formState.isSubmitted });
                }}
                onBlur={field.onBlur}
                comboboxProps={{ withinPortal: false }}
                data-testid="plan-reference"
              />
            )}
          />
          <TextInput
            type="date"
            label={t('form.deadline')}
            {...form.register('deadline', { setValueAs: (v: string | null) => (v ? v : null) })}
            error={message(errors.deadline, 'deadline')}
            data-testid="plan-deadline"
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="rubricVersionId"
          render={({ field }) => (
            <Select
              label={t('form.rubric')}
              description={t('form.rubricHint')}
              placeholder={
                fallback ? t('form.rubricDefault', { name: fallback.name, version: fallback.version }) : t('form.rubricDefaultUnknown')
              }
              clearable
              data={versionOptions}
              value={field.value === undefined ? null : String(field.value)}
              onChange={(v) => field.onChange(v === null ? undefined : Number(v))}
              onBlur={field.onBlur}
              comboboxProps={{ withinPortal: false }}
              data-testid="plan-rubric"
            />
          )}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {tc('actions.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting} data-testid="plan-submit">
            {t('form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
