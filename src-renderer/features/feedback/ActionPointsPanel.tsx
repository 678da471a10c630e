import { Button, Center, Group, Loader, Modal, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionPoint, ActionStatus } from '@contract';
import { api } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { ActionStatusBadge, todayIsoDate } from './parts';

interface Props {
  advisorId: number;
  /** Smaller type and no closed history: for the evaluation screen and "Mijn maand". */
  compact?: boolean;
  /** Offers a switch between open action points and all of them (the history). */
  withHistory?: boolean;
  /** Heading level of the panel title, to fit the page it is mounted on. */
  headingOrder?: 2 | 3 | 4;
}

/**
 * The action points of one advisor with inline follow-up. Self-contained (own query, own modal),
 * so any screen can mount it with just an advisor id.
 */
export function ActionPointsPanel({ advisorId, compact = false, withHistory = false, headingOrder = 2 }: Props) {
  const { t } = useTranslation('feedback');
  const { t: tc } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const all = withHistory && showAll;
  const points = useChannel('actionPoints.list', all ? { advisorId } : { advisorId, status: 'open' }, ['feedback', 'staff']);
  const [change, setChange] = useState<{ point: ActionPoint; status: ActionStatus } | null>(null);
  const headingId = `action-points-${advisorId}-${compact ? 'compact' : 'full'}`;
  const list = points.data ?? [];

  return (
    <Paper
      withBorder
      radius="md"
      p={compact ? 'sm' : 'md'}
      component="section"
      aria-labelledby={headingId}
      data-testid="action-points-panel"
    >
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Title order={headingOrder} fz={compact ? 'sm' : 'md'} id={headingId}>
          {all ? t('panel.title') : t('panel.openTitle')}
        </Title>
        {withHistory ? (
          <SegmentedControl
            size="xs"
            aria-label={t('panel.show')}
            value={showAll ? 'all' : 'open'}
            onChange={(v) => setShowAll(v === 'all')}
            data={[
              { value: 'open', label: t('panel.showOpen') },
              { value: 'all', label: t('panel.showAll') },
            ]}
            data-testid="action-points-filter"
          />
        ) : null}
      </Group>
      <ErrorAlert error={points.error} />
      {points.loading && !points.data ? (
        <Center p="md">
          <Loader size="sm" aria-label={tc('loading')} />
        </Center>
      ) : list.length === 0 ? (
        <Text size="sm" c="gray.7" data-testid="action-points-empty">
          {all ? t('panel.emptyAll') : t('panel.emptyOpen')}
        </Text>
      ) : (
        <Stack gap={compact ? 6 : 'xs'} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {list.map((point) => (
            <ActionPointItem key={point.id} point={point} compact={compact} onChange={(status) => setChange({ point, status })} />
          ))}
        </Stack>
      )}
      <FollowUpModal change={change} onClose={() => setChange(null)} />
    </Paper>
  );
}

function ActionPointItem({ point, compact, onChange }: { point: ActionPoint; compact: boolean; onChange(status: ActionStatus): void }) {
  const { t } = useTranslation('feedback');
  const overdue = point.status === 'open' && point.dueDate < todayIsoDate();
  const size = compact ? 'xs' : 'sm';
  return (
    <Paper
      component="li"
      withBorder
      radius="sm"
      p={compact ? 6 : 'sm'}
      bg={point.status === 'open' ? undefined : 'gray.0'}
      data-testid="action-point"
      data-status={point.status}
      data-action-point-id={point.id}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size={size} fw={600} data-testid="action-point-description">
            {point.description}
          </Text>
          <Group gap="xs" wrap="wrap">
            {compact ? null : <ActionStatusBadge status={point.status} />}
            {overdue ? (
              // Red text plus the word and an icon: the colour is never the only signal.
              <Text
                size="xs"
                c="red.9"
                fw={600}
                span
                data-testid="action-point-overdue"
                style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}
              >
                <IconAlertTriangle size={12} aria-hidden />
                {t('panel.overdue', { date: formatDate(point.dueDate) })}
              </Text>
            ) : (
              <Text size="xs" c="gray.7" span>
                {t('panel.due', { date: formatDate(point.dueDate) })}
              </Text>
            )}
            {point.criterionTitle ? (
              <Text size="xs" c="gray.7" span data-testid="action-point-criterion">
                {t('panel.criterion', { title: point.criterionTitle })}
              </Text>
            ) : null}
          </Group>
          {point.status !== 'open' && point.closedAt ? (
            <Text size="xs" c="gray.7">
              {t('panel.closed', {
                status: t(`statuses.${point.status}`),
                date: formatDate(point.closedAt),
                name: point.closedByName ?? '—',
              })}
            </Text>
          ) : null}
          {point.followUpNote ? (
            <Text size="xs" c="gray.8" style={{ whiteSpace: 'pre-wrap' }} data-testid="action-point-note">
              {t('panel.note', { note: point.followUpNote })}
            </Text>
          ) : null}
        </Stack>
        <Group gap={6} wrap="nowrap">
          {point.status === 'open' ? (
            <>
              <Button
                size="compact-xs"
                variant="light"
                leftSection={<IconCheck size={12} aria-hidden />}
                aria-label={t('panel.doneFor', { description: point.description })}
                onClick={() => onChange('done')}
                data-testid="action-point-done"
              >
                {t('panel.done')}
              </Button>
              <Button
                size="compact-xs"
                variant="default"
                leftSection={<IconX size={12} aria-hidden />}
                aria-label={t('panel.dropFor', { description: point.description })}
                onClick={() => onChange('dropped')}
                data-testid="action-point-drop"
              >
                {t('panel.drop')}
              </Button>
            </>
          ) : (
            <Button
              size="compact-xs"
              variant="default"
              leftSection={<IconArrowBackUp size={12} aria-hidden />}
              aria-label={t('panel.reopenFor', { description: point.description })}
              onClick={() => onChange('open')}
              data-testid="action-point-reopen"
            >
              {t('panel.reopen')}
            </Button>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

function FollowUpModal({ change, onClose }: { change: { point: ActionPoint; status: ActionStatus } | null; onClose(): void }) {
  const { t } = useTranslation('feedback');
  const { t: tc } = useTranslation();
  const status = change?.status ?? 'done';
  return (
    <Modal opened={change !== null} onClose={onClose} title={t(`panel.modalTitle.${status}`)} size="lg">
      {/* Keyed so every follow-up starts with an empty note. */}
      {change ? (
        <FollowUpForm key={`${change.point.id}-${change.status}`} change={change} onClose={onClose} />
      ) : (
        <Text>{tc('loading')}</Text>
      )}
    </Modal>
  );
}

function FollowUpForm({ change, onClose }: { change: { point: ActionPoint; status: ActionStatus }; onClose(): void }) {
  const { t } = useTranslation('feedback');
  const { t: tc } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { point, status } = change;
  const noteRequired = status === 'dropped';

  const submit = async () => {
    if (noteRequired && note.trim() === '') {
      setError(t('validation.noteRequiredDropped'));
      return;
    }
    setBusy(true);
    try {
      await api.call('actionPoints.update', { id: point.id, status, followUpNote: note.trim() });
      notifySuccess(t(`panel.updated.${status}`));
      onClose();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
      data-testid="follow-up-form"
    >
      <Stack>
        <Text size="sm" fw={600}>
          {point.description}
        </Text>
        <Textarea
          label={t('panel.noteLabel')}
          placeholder={t(`panel.notePlaceholder.${status}`)}
          withAsterisk={noteRequired}
          aria-required={noteRequired}
          autosize
          minRows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-autofocus
          data-testid="follow-up-note"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tc('actions.cancel')}
          </Button>
          <Button type="submit" loading={busy} color={status === 'dropped' ? 'gray.8' : undefined} data-testid="follow-up-confirm">
            {t(`panel.confirm.${status}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
