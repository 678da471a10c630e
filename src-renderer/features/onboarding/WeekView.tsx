import {
  ActionIcon,
  Button,
  Group,
  List,
  Modal,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconArrowBackUp, IconChecks, IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Onboarding, OnboardingItem, OnboardingWeek } from '@contract';
import { api } from '../../api/client';
import { warningOrange } from '../../app/theme';
import { formatDate } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { ItemStatusBadge } from './parts';

interface SignOffRequest {
  items: OnboardingItem[];
  /** Set when the whole (open part of a) week is signed off at once. */
  week: number | null;
}

export function WeekView({ track }: { track: Onboarding }) {
  const [request, setRequest] = useState<SignOffRequest | null>(null);
  return (
    <Stack gap="lg">
      {track.weeks.map((week) => (
        <WeekCard key={week.week} track={track} week={week} onSignOff={setRequest} />
      ))}
      <SignOffModal track={track} request={request} onClose={() => setRequest(null)} />
    </Stack>
  );
}

function WeekCard({ track, week, onSignOff }: { track: Onboarding; week: OnboardingWeek; onSignOff(request: SignOffRequest): void }) {
  const { t } = useTranslation('onboarding');
  const running = track.status === 'running';
  const open = week.items.filter((i) => i.status !== 'signed_off');
  const titleId = `week-${week.week}-title`;
  const pct = week.total === 0 ? 0 : Math.round((week.signedOff / week.total) * 100);

  const undo = async (item: OnboardingItem) => {
    try {
      await api.call('onboarding.undoSignOff', { itemId: item.id });
      notifySuccess(t('weeks.undone'));
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={titleId} data-testid={`week-${week.week}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} fz="lg" id={titleId}>
              {t('weeks.weekTitle', { week: week.week })}
              {track.phase === 'training' && track.currentWeek === week.week ? ` · ${t('dashboard.now')}` : ''}
            </Title>
            <Text size="sm" c="dimmed">
              {t('weeks.range', { from: formatDate(week.startDate), to: formatDate(week.endDate) })}
            </Text>
          </Stack>
          {running && open.length > 0 ? (
            <Button
              variant="light"
              leftSection={<IconChecks size={16} aria-hidden />}
              aria-label={t('weeks.signOffWeekLabel', { week: week.week })}
              onClick={() => onSignOff({ items: open, week: week.week })}
              data-testid={`sign-off-week-${week.week}`}
            >
              {t('weeks.signOffWeek', { week: week.week })}
            </Button>
          ) : null}
        </Group>
        <Group gap="md" align="center">
          <Progress
            value={pct}
            w={240}
            aria-label={t('weeks.progressLabel', { week: week.week })}
            color={week.overdue > 0 ? warningOrange : 'klankbord.7'}
          />
          <Text size="sm" fw={500} data-testid={`week-${week.week}-progress`}>
            {t('weeks.progress', { done: week.signedOff, total: week.total })}
          </Text>
          {week.overdue > 0 ? (
            <Text size="sm" fw={600} c={warningOrange} data-testid={`week-${week.week}-overdue`}>
              {t('weeks.overdue', { count: week.overdue })}
            </Text>
          ) : null}
        </Group>
        <Table aria-labelledby={titleId} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={170}>{t('weeks.columns.category')}</Table.Th>
              <Table.Th>{t('weeks.columns.item')}</Table.Th>
              <Table.Th w={140}>{t('weeks.columns.status')}</Table.Th>
              <Table.Th w={230}>{t('weeks.columns.signedOff')}</Table.Th>
              {running ? <Table.Th w={120}>{t('weeks.columns.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {week.items.map((item) => (
              <Table.Tr key={item.id} data-testid={`item-${item.id}`} data-status={item.status}>
                <Table.Td>
                  <Text size="sm">{item.category}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {item.title}
                  </Text>
                  {item.description ? (
                    <Text size="xs" c="dimmed">
                      {item.description}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <ItemStatusBadge status={item.status} />
                </Table.Td>
                <Table.Td>
                  {item.signedOffOn ? (
                    <Stack gap={0}>
                      <Text size="sm">
                        {t('weeks.signedOffBy', { date: formatDate(item.signedOffOn), name: item.signedOffByName ?? '—' })}
                      </Text>
                      {item.note ? (
                        <Text size="xs" c="dimmed">
                          {item.note}
                        </Text>
                      ) : null}
                    </Stack>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                {running ? (
                  <Table.Td>
                    {item.status === 'signed_off' ? (
                      <Tooltip label={t('weeks.undo', { title: item.title })}>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('weeks.undo', { title: item.title })}
                          onClick={() => void undo(item)}
                        >
                          <IconArrowBackUp size={18} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    ) : (
                      <Button
                        size="compact-sm"
                        variant="default"
                        aria-label={t('weeks.signOffItem', { title: item.title })}
                        onClick={() => onSignOff({ items: [item], week: null })}
                      >
                        {t('weeks.signOff')}
                      </Button>
                    )}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

function SignOffModal({ track, request, onClose }: { track: Onboarding; request: SignOffRequest | null; onClose(): void }) {
  const { t } = useTranslation('onboarding');
  const [date, setDate] = useState(track.today);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const items = request?.items ?? [];

  const close = () => {
    setDate(track.today);
    setNote('');
    onClose();
  };
  const submit = async () => {
    setBusy(true);
    try {
      await api.call('onboarding.signOff', { itemIds: items.map((i) => i.id), signedOffOn: date, note: note.trim() });
      notifySuccess(t('weeks.signedOff', { count: items.length }));
      close();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={request !== null}
      onClose={close}
      title={request?.week ? t('weeks.modalTitleMany', { week: request.week }) : t('weeks.modalTitleOne')}
      size="lg"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Text size="sm">{t('weeks.modalItems', { count: items.length })}</Text>
          <List size="sm" spacing={2} mah={200} style={{ overflowY: 'auto' }}>
            {items.map((i) => (
              <List.Item key={i.id}>{i.title}</List.Item>
            ))}
          </List>
          <TextInput
            label={t('weeks.date')}
            type="date"
            value={date}
            min={track.startDate}
            max={track.today}
            onChange={(e) => setDate(e.currentTarget.value)}
            withAsterisk
            w={200}
          />
          <Textarea
            label={t('weeks.note')}
            placeholder={t('weeks.notePlaceholder')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              type="submit"
              loading={busy}
              disabled={!date}
              leftSection={<IconSignature size={16} aria-hidden />}
              data-testid="sign-off-confirm"
            >
              {t('weeks.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
