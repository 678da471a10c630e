import {
  ActionIcon,
  Button,
  Center,
  Checkbox,
  Grid,
  Group,
  Loader,
  Paper,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import { addMonths, endOfMonth, format } from 'date-fns';
import { useState, type ReactNode } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { actionStatuses, feedbackSessionInput, type FeedbackPreparation } from '@contract';
import { api, ApiError } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { useSession } from '../../app/session-store';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime, formatScore } from '../../components/format';
import { notifySuccess } from '../../components/notify';
import { BackLink } from '../../components/BackLink';
import { PageHeader } from '../../components/PageHeader';
import { todayIsoDate, useTopicLabel } from './parts';
import { summaryOf } from './prefill';

/**
 * The contract's input without the advisor (from the route), with the core's rules mirrored so the
 * coach sees them at the field; the core checks them again and stays the authority.
 */
const sessionForm = feedbackSessionInput.omit({ advisorId: true }).superRefine((v, ctx) => {
  const issue = (path: Array<string | number>, message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (v.heldOn > todayIsoDate()) issue(['heldOn'], 'futureDate');
  if (v.agreement === 'disagreed' && v.disagreementComment.trim() === '') issue(['disagreementComment'], 'commentRequired');
  v.actionPoints.forEach((p, i) => {
    if (p.dueDate < v.heldOn) issue(['actionPoints', i, 'dueDate'], 'dueBeforeSession');
  });
  v.followUps.forEach((f, i) => {
    if (f.status === 'dropped' && f.note.trim() === '') issue(['followUps', i, 'note'], 'noteRequiredDropped');
  });
});
type SessionFormInput = z.input<typeof sessionForm>;
type SessionFormOutput = z.output<typeof sessionForm>;

const defaultDueDate = () => format(endOfMonth(addMonths(new Date(), 1)), 'yyyy-MM-dd');

export function FeedbackSessionPage() {
  const { t } = useTranslation('feedback');
  const { t: tc } = useTranslation();
  const advisorId = Number(useParams().id);
  const validId = Number.isInteger(advisorId) && advisorId > 0;
  // No refresh topics: a refresh while the coach types would not change the form anyway.
  const prep = useChannel('feedback.prepare', validId ? { advisorId } : null, []);
  const back = (name: string | null) => (
    <BackLink to={`/staff/${advisorId}`}>{name ? t('backToAdvisor', { name }) : tc('actions.back')}</BackLink>
  );

  if (!validId || prep.error) {
    return (
      <Stack>
        {back(null)}
        <ErrorAlert error={prep.error ?? new Error(tc('loadFailed'))} />
      </Stack>
    );
  }
  if (!prep.data) {
    return (
      <Center py="xl">
        <Loader aria-label={tc('loading')} />
      </Center>
    );
  }
  return (
    <>
      {back(prep.data.advisorName)}
      <PageHeader title={t('titleWith', { name: prep.data.advisorName })} subtitle={t('newSubtitle', { name: prep.data.advisorName })} />
      <SessionForm prep={prep.data} />
    </>
  );
}

function SessionForm({ prep }: { prep: FeedbackPreparation }) {
  const { t } = useTranslation('feedback');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const coachName = useSession((s) => s.session?.profile?.name ?? '');
  const topicLabel = useTopicLabel();
  const [serverError, setServerError] = useState<Error | null>(null);
  // The summaries follow the ticked evaluations until the coach writes in them.
  const [edited, setEdited] = useState({ tops: false, tips: false });
  const name = prep.advisorName;

  const prefill = (ids: readonly number[], field: 'tops' | 'tips') =>
    summaryOf(prep.evaluations.filter((e) => ids.includes(e.id)).map((e) => e[field]));
  const allIds = prep.evaluations.map((e) => e.id);

  const form = useForm<SessionFormInput, unknown, SessionFormOutput>({
    resolver: zodResolver(sessionForm),
    defaultValues: {
      heldOn: todayIsoDate(),
      evaluationIds: allIds,
      tops: prefill(allIds, 'tops'),
      tips: prefill(allIds, 'tips'),
      reaction: '',
      agreement: 'agreed',
      disagreementComment: '',
      actionPoints: [],
      followUps: prep.openActionPoints.map((p) => ({ actionPointId: p.id, status: 'open', note: '' })),
    },
  });
  const newPoints = useFieldArray({ control: form.control, name: 'actionPoints' });
  const errors = form.formState.errors;
  const agreement = useWatch({ control: form.control, name: 'agreement' });
  const followUpValues = useWatch({ control: form.control, name: 'followUps' });

  const message = (error: FieldError | undefined): string | undefined => {
    if (!error) return undefined;
    if (error.type === 'custom' && error.message) return t(`validation.${error.message}`, { defaultValue: t('validation.invalid') });
    if (error.type === 'too_small') return t('validation.required');
    if (error.type === 'too_big') return t('validation.tooLong');
    if (error.type === 'invalid_format') return t('validation.invalidDate');
    return t('validation.invalid');
  };

  const refreshSummaries = (ids: readonly number[], force = false) => {
    if (force || !edited.tops) form.setValue('tops', prefill(ids, 'tops'));
    if (force || !edited.tips) form.setValue('tips', prefill(ids, 'tips'));
    if (force) setEdited({ tops: false, tips: false });
  };

  const submit = form.handleSubmit(async (values) => {
    setServerError(null);
    try {
      const session = await api.call('feedback.record', {
        ...values,
        advisorId: prep.advisorId,
        disagreementComment: values.agreement === 'disagreed' ? values.disagreementComment : '',
        // Untouched earlier points are not sent: "still open, nothing to add" must not wipe their note.
        followUps: values.followUps.filter((f) => f.status !== 'open' || f.note.trim() !== ''),
      });
      notifySuccess(t('form.saved', { name }));
      void navigate(`/feedback/${session.id}`);
    } catch (error) {
      setServerError(error instanceof Error ? error : new ApiError('internal', { detail: String(error) }, String(error)));
    }
  });

  const criterionOptions = [...new Set(prep.criteria.map((c) => c.sectionTitle))].map((group) => ({
    group,
    items: prep.criteria.filter((c) => c.sectionTitle === group).map((c) => ({ value: String(c.id), label: c.title })),
  }));

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="feedback-form">
      <Stack gap="lg">
        <FormSection title={t('form.when')} id="fb-when">
          <Group align="flex-end" gap="xl">
            <TextInput
              type="date"
              label={t('form.heldOn')}
              required
              max={todayIsoDate()}
              w={220}
              {...form.register('heldOn')}
              error={message(errors.heldOn)}
              data-testid="held-on"
            />
            {coachName ? (
              <Text size="sm" c="gray.7" pb={8}>
                {t('form.coach', { name: coachName })}
              </Text>
            ) : null}
          </Group>
        </FormSection>

        <FormSection
          title={t('form.evaluations')}
          id="fb-evaluations"
          intro={prep.evaluations.length > 0 ? t('form.evaluationsIntro') : null}
        >
          {prep.evaluations.length === 0 ? (
            <Text size="sm" c="gray.7" data-testid="no-candidates">
              {t('form.noEvaluations')}
            </Text>
          ) : (
            <Controller
              control={form.control}
              name="evaluationIds"
              render={({ field }) => (
                <Table.ScrollContainer minWidth={720} type="native">
                  <Table verticalSpacing="xs" aria-label={t('form.evaluationsTable')} data-testid="candidates">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={90}>{t('form.columns.discuss')}</Table.Th>
                        <Table.Th>{t('form.columns.call')}</Table.Th>
                        <Table.Th>{t('form.columns.topic')}</Table.Th>
                        <Table.Th ta="right">{t('form.columns.score')}</Table.Th>
                        <Table.Th>{t('form.columns.coach')}</Table.Th>
                        <Table.Th>{t('form.columns.waiting')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {prep.evaluations.map((e) => {
                        const when = formatDateTime(e.callAt);
                        return (
                          <Table.Tr key={e.id} data-testid="candidate" data-evaluation-id={e.id}>
                            <Table.Td>
                              <Checkbox
                                aria-label={t('form.pick', { when })}
                                checked={field.value.includes(e.id)}
                                onChange={(ev) => {
                                  const ids = ev.currentTarget.checked
                                    ? allIds.filter((id) => id === e.id || field.value.includes(id))
                                    : field.value.filter((id) => id !== e.id);
                                  field.onChange(ids);
                                  refreshSummaries(ids);
                                }}
                              />
                            </Table.Td>
                            <Table.Td>
                              <Text size="sm" fw={600}>
                                {when}
                              </Text>
                              <Text size="xs" c="gray.7" truncate="end" maw={260}>
                                {e.recordingName}
                              </Text>
                            </Table.Td>
                            <Table.Td>{topicLabel(e.topic)}</Table.Td>
                            <Table.Td ta="right" fw={700}>
                              {formatScore(e.scorePct)}
                            </Table.Td>
                            <Table.Td>{e.coachName}</Table.Td>
                            <Table.Td>{e.daysWaiting === null ? tc('none') : t('form.daysWaiting', { count: e.daysWaiting })}</Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            />
          )}
        </FormSection>

        <FormSection
          title={t('form.summary')}
          id="fb-summary"
          intro={prep.evaluations.length > 0 ? t('form.summaryIntro') : null}
          action={
            prep.evaluations.length > 0 && (edited.tops || edited.tips) ? (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconRefresh size={14} aria-hidden />}
                onClick={() => refreshSummaries(form.getValues('evaluationIds'), true)}
              >
                {t('form.refill')}
              </Button>
            ) : null
          }
        >
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Textarea
              label={t('form.tops')}
              autosize
              minRows={4}
              maxRows={14}
              {...form.register('tops', { onChange: () => setEdited((s) => ({ ...s, tops: true })) })}
              error={message(errors.tops)}
              data-testid="session-tops"
            />
            <Textarea
              label={t('form.tips')}
              autosize
              minRows={4}
              maxRows={14}
              {...form.register('tips', { onChange: () => setEdited((s) => ({ ...s, tips: true })) })}
              error={message(errors.tips)}
              data-testid="session-tips"
            />
          </SimpleGrid>
        </FormSection>

        <FormSection title={t('form.reactionSection')} id="fb-reaction">
          <Stack>
            <Textarea
              label={t('form.reaction', { name })}
              autosize
              minRows={3}
              {...form.register('reaction')}
              error={message(errors.reaction)}
              data-testid="session-reaction"
            />
            <Controller
              control={form.control}
              name="agreement"
              render={({ field }) => (
                <Radio.Group label={t('form.agreement', { name })} value={field.value} onChange={field.onChange} data-testid="agreement">
                  <Group mt={6} gap="xl">
                    <Radio value="agreed" label={t('agreements.agreed')} />
                    <Radio value="disagreed" label={t('agreements.disagreed')} />
                  </Group>
                </Radio.Group>
              )}
            />
            {agreement === 'disagreed' ? (
              <Textarea
                label={t('form.disagreementComment', { name })}
                withAsterisk
                aria-required
                autosize
                minRows={2}
                {...form.register('disagreementComment')}
                error={message(errors.disagreementComment)}
                data-testid="disagreement-comment"
              />
            ) : null}
          </Stack>
        </FormSection>

        {prep.openActionPoints.length > 0 ? (
          <FormSection title={t('form.earlier')} id="fb-earlier" intro={t('form.earlierIntro')}>
            <Stack gap="sm">
              {prep.openActionPoints.map((point, i) => (
                <Paper key={point.id} withBorder radius="sm" p="sm" data-testid="follow-up" data-action-point-id={point.id}>
                  <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
                    <Stack gap={2} style={{ flex: 1, minWidth: 240 }}>
                      <Text size="sm" fw={600}>
                        {point.description}
                      </Text>
                      <Text size="xs" c="gray.7">
                        {[point.criterionTitle, t('panel.due', { date: formatDate(point.dueDate) })].filter(Boolean).join(' · ')}
                      </Text>
                      {point.followUpNote ? (
                        <Text size="xs" c="gray.7">
                          {t('form.currentNote', { note: point.followUpNote })}
                        </Text>
                      ) : null}
                    </Stack>
                    <Controller
                      control={form.control}
                      name={`followUps.${i}.status`}
                      render={({ field }) => (
                        <SegmentedControl
                          aria-label={t('form.followUpStatus', { description: point.description })}
                          value={field.value}
                          onChange={field.onChange}
                          data={actionStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
                          data-testid="follow-up-status"
                        />
                      )}
                    />
                  </Group>
                  <TextInput
                    mt="xs"
                    label={t('form.followUpNote')}
                    aria-label={t('form.followUpNoteFor', { description: point.description })}
                    withAsterisk={followUpValues[i]?.status === 'dropped'}
                    {...form.register(`followUps.${i}.note`)}
                    error={message(errors.followUps?.[i]?.note)}
                    data-testid="follow-up-note"
                  />
                </Paper>
              ))}
            </Stack>
          </FormSection>
        ) : null}

        <FormSection title={t('form.newPoints')} id="fb-new" intro={t('form.newPointsIntro')}>
          <Stack gap="sm">
            {newPoints.fields.length === 0 ? (
              <Text size="sm" c="gray.7">
                {t('form.noNewPoints')}
              </Text>
            ) : null}
            {newPoints.fields.map((row, i) => (
              <Paper key={row.id} withBorder radius="sm" p="sm" data-testid="new-action-point" component="fieldset" m={0}>
                <Text component="legend" size="sm" fw={600} px={4}>
                  {t('form.pointNumber', { number: i + 1 })}
                </Text>
                <Group align="flex-start" gap="sm" wrap="nowrap">
                  <Grid style={{ flex: 1 }} gap="sm">
                    <Grid.Col span={{ base: 12, md: 6 }}>
                      <Textarea
                        label={t('form.description')}
                        placeholder={t('form.descriptionPlaceholder')}
                        required
                        autosize
                        minRows={1}
                        maxLength={1000}
                        {...form.register(`actionPoints.${i}.description`)}
                        error={message(errors.actionPoints?.[i]?.description)}
                        data-testid="action-point-description-input"
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, md: 4 }}>
                      <Controller
                        control={form.control}
                        name={`actionPoints.${i}.criterionId`}
                        render={({ field }) => (
                          <Select
                            label={t('form.criterion')}
                            placeholder={t('form.criterionPlaceholder')}
                            data={criterionOptions}
                            value={field.value === null ? null : String(field.value)}
                            onChange={(v) => field.onChange(v === null ? null : Number(v))}
                            onBlur={field.onBlur}
                            searchable
                            clearable
                            clearButtonProps={{ 'aria-label': t('form.clearCriterion') }}
                            nothingFoundMessage="—"
                            data-testid="action-point-criterion-input"
                          />
                        )}
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, md: 2 }}>
                      <TextInput
                        type="date"
                        label={t('form.dueDate')}
                        required
                        {...form.register(`actionPoints.${i}.dueDate`)}
                        error={message(errors.actionPoints?.[i]?.dueDate)}
                        data-testid="action-point-due-input"
                      />
                    </Grid.Col>
                  </Grid>
                  <ActionIcon
                    variant="subtle"
                    color="gray.8"
                    size="lg"
                    mt={26}
                    aria-label={t('form.removePoint', { number: i + 1 })}
                    onClick={() => newPoints.remove(i)}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              </Paper>
            ))}
            <Group>
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => newPoints.append({ description: '', criterionId: null, dueDate: defaultDueDate() })}
                disabled={newPoints.fields.length >= 10}
                data-testid="add-action-point"
              >
                {t('form.addPoint')}
              </Button>
            </Group>
          </Stack>
        </FormSection>

        <ErrorAlert error={serverError} title={t('form.saveFailed')} />
        <Group justify="flex-end">
          <Button variant="default" component={Link} to={`/staff/${prep.advisorId}`}>
            {tc('actions.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting} data-testid="save-session">
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FormSection({
  title,
  id,
  intro,
  action,
  children,
}: {
  title: string;
  id: string;
  intro?: string | null;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-start" mb={intro ? 4 : 'sm'}>
        <Title order={2} fz="lg" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {intro ? (
        <Text size="sm" c="gray.7" mb="sm">
          {intro}
        </Text>
      ) : null}
      {children}
    </Paper>
  );
}
