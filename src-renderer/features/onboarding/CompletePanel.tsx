import { Button, Group, List, Paper, Stack, Text, Textarea, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconFlag, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Onboarding } from '@contract';
import { api } from '../../api/client';
import { formatDate } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';

function Check({ met, label }: { met: boolean; label: string }) {
  const { t } = useTranslation('onboarding');
  return (
    <List.Item
      icon={
        <ThemeIcon size={22} radius="xl" color={met ? 'teal.9' : 'gray.7'} aria-hidden>
          {met ? <IconCheck size={14} /> : <IconX size={14} />}
        </ThemeIcon>
      }
    >
      {label} ({met ? t('complete.met') : t('complete.notMet')})
    </List.Item>
  );
}

export function CompletePanel({ track }: { track: Onboarding }) {
  const { t } = useTranslation('onboarding');
  const [completedOn, setCompletedOn] = useState(track.today);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const total = track.weeks.reduce((n, w) => n + w.total, 0);
  const done = track.weeks.reduce((n, w) => n + w.signedOff, 0);
  const independent = track.ladder.find((s) => s.level === 'fully_independent')?.reachedOn ?? null;
  const ready = done === total && independent !== null;

  const complete = async () => {
    setBusy(true);
    try {
      await api.call('onboarding.complete', { id: track.id, completedOn, note: note.trim() });
      notifySuccess(t('complete.completed', { name: track.staffName }));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="complete-title">
      <Stack gap="md" maw={720}>
        <Title order={2} fz="lg" id="complete-title">
          {t('complete.title')}
        </Title>
        {track.status === 'completed' ? (
          <Stack gap={4}>
            <Text size="sm">{t('track.completedBanner', { date: formatDate(track.completedOn), name: track.completedByName ?? '—' })}</Text>
            {track.completionNote ? <Text size="sm">{track.completionNote}</Text> : null}
          </Stack>
        ) : (
          <>
            <Text size="sm">{t('complete.intro', { name: track.staffName })}</Text>
            <List spacing="xs" size="sm" data-testid="complete-checks">
              <Check met={done === total} label={t('complete.itemsCheck', { done, total })} />
              <Check
                met={independent !== null}
                label={independent ? t('complete.levelReached', { date: formatDate(independent) }) : t('complete.levelCheck')}
              />
            </List>
            <form
              aria-labelledby="complete-title"
              onSubmit={(e) => {
                e.preventDefault();
                void complete();
              }}
            >
              <Stack gap="sm">
                <TextInput
                  label={t('complete.date')}
                  type="date"
                  value={completedOn}
                  min={track.startDate}
                  max={track.today}
                  onChange={(e) => setCompletedOn(e.currentTarget.value)}
                  w={200}
                />
                <Textarea
                  label={t('complete.note')}
                  value={note}
                  onChange={(e) => setNote(e.currentTarget.value)}
                  autosize
                  minRows={2}
                  maxLength={2000}
                />
                <Group>
                  <Button
                    type="submit"
                    loading={busy}
                    disabled={!ready || !completedOn}
                    leftSection={<IconFlag size={16} aria-hidden />}
                    data-testid="complete-submit"
                  >
                    {t('complete.submit')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </>
        )}
      </Stack>
    </Paper>
  );
}
