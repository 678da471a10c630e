import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconCheck, IconCircleDashed, IconMessagePlus, IconStairsUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { independenceLevels, type IndependenceLevel, type Onboarding } from '@contract';
import { api } from '../../api/client';
import { formatDate } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';

export function BuddyPhase({ track }: { track: Onboarding }) {
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <Ladder track={track} />
      <Checkins key={track.level ?? 'none'} track={track} />
    </SimpleGrid>
  );
}

function Ladder({ track }: { track: Onboarding }) {
  const { t } = useTranslation('onboarding');
  const running = track.status === 'running';
  const next = track.ladder.find((s) => s.reachedOn === null)?.level ?? null;
  const [reachedOn, setReachedOn] = useState(track.today);
  const [busy, setBusy] = useState(false);

  const record = async (level: IndependenceLevel) => {
    setBusy(true);
    try {
      await api.call('onboarding.reachLevel', { id: track.id, level, reachedOn });
      notifySuccess(t('buddy.recorded', { level: t(`levels.${level}`) }));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  const undo = async () => {
    try {
      await api.call('onboarding.undoLevel', { id: track.id });
      notifySuccess(t('buddy.levelUndone'));
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="ladder-title">
      <Stack gap="md">
        <Title order={2} fz="lg" id="ladder-title">
          {t('buddy.ladderTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('buddy.ladderHint')}
        </Text>
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="ladder">
          {track.ladder.map((step, i) => (
            <Group key={step.level} component="li" gap="sm" wrap="nowrap" data-level={step.level} data-reached={step.reachedOn !== null}>
              <ThemeIcon variant={step.reachedOn ? 'filled' : 'light'} color={step.reachedOn ? 'teal.9' : 'gray.7'} radius="xl" aria-hidden>
                {step.reachedOn ? <IconCheck size={16} /> : <IconCircleDashed size={16} />}
              </ThemeIcon>
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {i + 1}. {t(`levels.${step.level}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {step.reachedOn ? t('buddy.reachedOn', { date: formatDate(step.reachedOn) }) : t('buddy.notYet')}
                </Text>
              </Stack>
            </Group>
          ))}
        </Stack>
        {running && next ? (
          <form
            aria-label={t('buddy.nextTitle', { level: t(`levels.${next}`) })}
            onSubmit={(e) => {
              e.preventDefault();
              void record(next);
            }}
          >
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                {t('buddy.nextTitle', { level: t(`levels.${next}`) })}
              </Text>
              <Group align="flex-end">
                <TextInput
                  label={t('buddy.reachedDate')}
                  type="date"
                  value={reachedOn}
                  min={track.startDate}
                  max={track.today}
                  onChange={(e) => setReachedOn(e.currentTarget.value)}
                  w={190}
                />
                <Button
                  type="submit"
                  loading={busy}
                  disabled={!reachedOn}
                  leftSection={<IconStairsUp size={16} aria-hidden />}
                  data-testid="record-level"
                >
                  {t('buddy.record')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
        {!next ? <Text size="sm">{t('buddy.allReached')}</Text> : null}
        {running && track.level ? (
          <Group>
            <Button
              variant="subtle"
              color="gray"
              size="compact-sm"
              leftSection={<IconArrowBackUp size={14} aria-hidden />}
              onClick={() => void undo()}
            >
              {t('buddy.undoLevel')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

function Checkins({ track }: { track: Onboarding }) {
  const { t } = useTranslation('onboarding');
  const running = track.status === 'running';
  const [heldOn, setHeldOn] = useState(track.today);
  const [level, setLevel] = useState<string | null>(track.level);
  const [wentWell, setWentWell] = useState('');
  const [toPractise, setToPractise] = useState('');
  const [busy, setBusy] = useState(false);
  const chosen = independenceLevels.find((l) => l === level);
  const ready = heldOn && chosen && wentWell.trim() && toPractise.trim();

  const save = async () => {
    if (!chosen) return;
    setBusy(true);
    try {
      await api.call('onboarding.addCheckin', {
        id: track.id,
        heldOn,
        level: chosen,
        wentWell: wentWell.trim(),
        toPractise: toPractise.trim(),
      });
      notifySuccess(t('buddy.saved'));
      setWentWell('');
      setToPractise('');
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="checkins-title">
      <Stack gap="md">
        <Title order={2} fz="lg" id="checkins-title">
          {t('buddy.checkinsTitle')}
        </Title>
        {track.checkinDue ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} data-testid="checkin-due">
            {t('buddy.checkinDue', { buddy: track.buddyName ?? '—' })}
          </Alert>
        ) : null}
        {running && track.buddyId === null ? <Text size="sm">{t('buddy.noBuddyYet')}</Text> : null}
        {running && track.buddyId !== null ? (
          <form
            aria-labelledby="new-checkin-title"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <Stack gap="xs">
              <Text size="sm" fw={600} id="new-checkin-title">
                {t('buddy.newCheckin')}
              </Text>
              <Group align="flex-end" grow>
                <TextInput
                  label={t('buddy.heldOn')}
                  type="date"
                  value={heldOn}
                  min={track.startDate}
                  max={track.today}
                  onChange={(e) => setHeldOn(e.currentTarget.value)}
                  withAsterisk
                />
                <Select
                  label={t('buddy.level')}
                  data={independenceLevels.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
                  value={level}
                  onChange={setLevel}
                  withAsterisk
                  data-testid="checkin-level"
                />
              </Group>
              <Textarea
                label={t('buddy.wentWell')}
                value={wentWell}
                onChange={(e) => setWentWell(e.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={4000}
                withAsterisk
              />
              <Textarea
                label={t('buddy.toPractise')}
                value={toPractise}
                onChange={(e) => setToPractise(e.currentTarget.value)}
                autosize
                minRows={2}
                maxLength={4000}
                withAsterisk
              />
              <Group>
                <Button
                  type="submit"
                  loading={busy}
                  disabled={!ready}
                  leftSection={<IconMessagePlus size={16} aria-hidden />}
                  data-testid="checkin-save"
                >
                  {t('buddy.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
        {track.checkins.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('buddy.empty')}
          </Text>
        ) : (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="checkins">
            {track.checkins.map((c) => (
              <Paper key={c.id} component="li" withBorder radius="sm" p="sm" bg="gray.0">
                <Text size="sm" fw={600}>
                  {t('buddy.checkinHeading', { date: formatDate(c.heldOn), level: t(`levels.${c.level}`) })}
                </Text>
                <Text size="xs" c="dimmed" mb={4}>
                  {t('buddy.checkinBy', { buddy: c.buddyName ?? '—', by: c.recordedByName ?? '—' })}
                </Text>
                <Text size="sm">
                  <strong>{t('buddy.wentWell')}:</strong> {c.wentWell}
                </Text>
                <Text size="sm">
                  <strong>{t('buddy.toPractise')}:</strong> {c.toPractise}
                </Text>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
