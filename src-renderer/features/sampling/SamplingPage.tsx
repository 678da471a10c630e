import {
  Anchor,
  Button,
  Collapse,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconAdjustments, IconArrowsShuffle, IconChevronDown, IconChevronRight, IconUsers } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatPeriod, recentPeriods } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { SampleView } from './SampleView';

export function SamplingPage() {
  const { t } = useTranslation('sampling');
  const periods = useMemo(() => recentPeriods(13), []);
  const [period, setPeriod] = useState(periods[1] ?? periods[0] ?? '');
  const advisors = useChannel('staff.list', { roles: ['advisor'] }, ['staff']);
  const settings = useChannel('settings.get', {}, ['settings']);
  const samples = useChannel('samples.list', { period }, ['samples']);

  const [advisorIds, setAdvisorIds] = useState<string[] | null>(null);
  // Prefilled from the settings until the coach types another number.
  const [perAdvisorInput, setPerAdvisor] = useState<number | string | null>(null);
  const [minDurationInput, setMinDuration] = useState<number | string | null>(null);
  const perAdvisor = perAdvisorInput ?? settings.data?.samplePerAdvisor ?? '';
  const minDuration = minDurationInput ?? settings.data?.sampleMinDurationSeconds ?? '';
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [seed, setSeed] = useState('');
  const [drawing, setDrawing] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);

  const allIds = useMemo(() => (advisors.data ?? []).map((a) => String(a.id)), [advisors.data]);
  // "Alle klantadviseurs" until the coach changes the choice.
  const chosen = advisorIds ?? allIds;

  // Show the newest sample of the month unless the coach picked another one of it.
  const list = samples.loading ? undefined : samples.data;
  const current = list?.find((s) => s.id === selected) ?? list?.[0] ?? null;

  const draw = async () => {
    setDrawing(true);
    try {
      const sample = await api.call('samples.draw', {
        period,
        advisorIds: chosen.map(Number),
        seed: seed.trim() || undefined,
        settings: {
          perAdvisor: typeof perAdvisor === 'number' ? perAdvisor : undefined,
          minDurationSeconds: typeof minDuration === 'number' ? minDuration : undefined,
        },
      });
      setSelected(sample.id);
      samples.reload();
      notifySuccess(t('drawn', { count: sample.activeItems }));
    } catch (error) {
      notifyError(error);
    } finally {
      setDrawing(false);
    }
  };

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Stack gap="lg">
        <ErrorAlert error={advisors.error ?? settings.error ?? samples.error} />
        <Paper withBorder radius="md" p="lg">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void draw();
            }}
            aria-labelledby="draw-title"
          >
            <Stack gap="md">
              <Title order={2} fz="lg" id="draw-title">
                {t('drawTitle')}
              </Title>
              <Group align="flex-end" gap="lg" wrap="wrap">
                <Select
                  label={t('month')}
                  data={periods.map((p) => ({ value: p, label: formatPeriod(p) }))}
                  value={period}
                  onChange={(v) => {
                    if (v) {
                      setPeriod(v);
                      setSelected(null);
                    }
                  }}
                  allowDeselect={false}
                  w={200}
                  data-testid="sample-period"
                />
                <NumberInput
                  label={t('perAdvisor')}
                  min={1}
                  max={20}
                  value={perAdvisor}
                  onChange={setPerAdvisor}
                  w={220}
                  data-testid="sample-per-advisor"
                />
                <NumberInput
                  label={t('minDuration')}
                  min={0}
                  max={3600}
                  value={minDuration}
                  onChange={setMinDuration}
                  w={180}
                  data-testid="sample-min-duration"
                />
              </Group>
              <Group align="flex-end" gap="sm" wrap="nowrap" data-testid="sample-advisors">
                <MultiSelect
                  label={t('advisors')}
                  placeholder={chosen.length === 0 ? t('advisorsPlaceholder') : undefined}
                  data={(advisors.data ?? []).map((a) => ({ value: String(a.id), label: a.name }))}
                  value={chosen}
                  onChange={setAdvisorIds}
                  searchable
                  clearable
                  style={{ flex: 1 }}
                  maw={760}
                />
                <Button
                  variant="default"
                  leftSection={<IconUsers size={16} aria-hidden />}
                  onClick={() => setAdvisorIds(null)}
                  disabled={advisorIds === null}
                >
                  {t('allAdvisors')}
                </Button>
              </Group>
              {advisors.data?.length === 0 ? (
                <Text size="sm" c="gray.7">
                  {t('noAdvisors')}
                </Text>
              ) : null}
              <div>
                <UnstyledButton onClick={() => setAdvancedOpen((o) => !o)} aria-expanded={advancedOpen} aria-controls="sample-advanced">
                  <Group gap={4}>
                    {advancedOpen ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
                    <IconAdjustments size={16} aria-hidden />
                    <Text size="sm" fw={500}>
                      {t('advanced')}
                    </Text>
                  </Group>
                </UnstyledButton>
                <Collapse expanded={advancedOpen} id="sample-advanced">
                  <TextInput
                    mt="sm"
                    label={t('seed')}
                    description={t('seedHint')}
                    value={seed}
                    onChange={(e) => setSeed(e.currentTarget.value)}
                    maxLength={40}
                    w={420}
                    ff="monospace"
                    data-testid="sample-seed"
                  />
                </Collapse>
              </div>
              <Group>
                <Button
                  type="submit"
                  leftSection={<IconArrowsShuffle size={16} aria-hidden />}
                  loading={drawing}
                  disabled={chosen.length === 0 || !period}
                  data-testid="draw-sample"
                >
                  {t('draw')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>

        {list && list.length > 1 ? (
          <nav aria-label={t('sampleList')}>
            <Text size="sm" fw={600} mb={4}>
              {t('earlier', { month: formatPeriod(period) })}
            </Text>
            <Group gap="xs" data-testid="sample-list">
              {list.map((s) => (
                <Anchor
                  key={s.id}
                  component="button"
                  type="button"
                  size="sm"
                  fw={s.id === current?.id ? 700 : 400}
                  underline={s.id === current?.id ? 'always' : 'hover'}
                  aria-current={s.id === current?.id ? 'true' : undefined}
                  onClick={() => setSelected(s.id)}
                >
                  {t('earlierItem', { date: formatDateTime(s.drawnAt), name: s.drawnByName, count: s.activeItems })}
                </Anchor>
              ))}
            </Group>
          </nav>
        ) : null}

        {list?.length === 0 ? (
          <Text c="gray.7" data-testid="sample-empty">
            {t('noSamples', { month: formatPeriod(period) })}
          </Text>
        ) : null}
        {current ? <SampleView id={current.id} /> : null}
      </Stack>
    </>
  );
}
