import { ActionIcon, Alert, Autocomplete, Button, Group, NumberInput, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconDeviceFloppy, IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Program } from '@contract';
import { api } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifyError, notifySuccess } from '../../components/notify';
import { BackLink } from '../../components/BackLink';
import { PageHeader } from '../../components/PageHeader';

interface DraftItem {
  /** Local key only: rows move between renders without an id from main. */
  key: number;
  week: number;
  category: string;
  title: string;
  description: string;
}

let nextKey = 1;
const draftItems = (program: Program | undefined): DraftItem[] =>
  (program?.items ?? []).map((i) => ({ key: nextKey++, week: i.week, category: i.category, title: i.title, description: i.description }));

/** Edits a program (`/onboarding/programs/:id`), or makes a new one, optionally copied from another (`new?from=`). */
export function ProgramEditorPage() {
  const { t } = useTranslation('onboarding');
  const param = useParams().id;
  const [search] = useSearchParams();
  const editId = param && param !== 'new' ? Number(param) : null;
  const fromId = search.get('from') ? Number(search.get('from')) : null;
  const sourceId = editId ?? fromId;
  const source = useChannel('onboarding.program', sourceId ? { id: sourceId } : null, ['onboarding']);

  const header = (
    <>
      <BackLink to="/onboarding/programs">{t('editor.back')}</BackLink>
      <PageHeader title={editId ? t('editor.titleEdit') : t('editor.titleNew')} />
    </>
  );
  if (sourceId && !source.data) {
    return (
      <>
        {header}
        <ErrorAlert error={source.error} />
      </>
    );
  }
  return (
    <>
      {header}
      <ProgramForm key={`${editId ?? 'new'}-${source.data?.id ?? ''}`} editId={editId} source={source.data} />
    </>
  );
}

function ProgramForm({ editId, source }: { editId: number | null; source: Program | undefined }) {
  const { t } = useTranslation('onboarding');
  const navigate = useNavigate();
  const [name, setName] = useState(source ? (editId ? source.name : t('editor.copyOf', { name: source.name })) : '');
  const [description, setDescription] = useState(source?.description ?? '');
  const [weeks, setWeeks] = useState<number | string>(source?.weeks ?? 3);
  const [items, setItems] = useState<DraftItem[]>(() => draftItems(source));
  const [saving, setSaving] = useState(false);

  const weekCount = Math.max(typeof weeks === 'number' ? weeks : 1, ...items.map((i) => i.week));
  const categories = [...new Set(items.map((i) => i.category.trim()).filter(Boolean))];
  const complete =
    name.trim() !== '' && items.length > 0 && items.every((i) => i.category.trim() && i.title.trim()) && typeof weeks === 'number';

  const update = (key: number, patch: Partial<DraftItem>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  const add = (week: number) => setItems((all) => [...all, { key: nextKey++, week, category: '', title: '', description: '' }]);
  const remove = (key: number) => setItems((all) => all.filter((i) => i.key !== key));

  const save = async () => {
    if (!complete || typeof weeks !== 'number') {
      notifyError(new Error(t('editor.incomplete')));
      return;
    }
    setSaving(true);
    try {
      const saved = await api.call('onboarding.saveProgram', {
        ...(editId ? { id: editId } : {}),
        name: name.trim(),
        description: description.trim(),
        weeks,
        items: items.map((i) => ({ week: i.week, category: i.category.trim(), title: i.title.trim(), description: i.description.trim() })),
      });
      notifySuccess(t('editor.saved', { name: saved.name }));
      if (!editId) void navigate(`/onboarding/programs/${saved.id}`, { replace: true });
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      aria-label={editId ? t('editor.titleEdit') : t('editor.titleNew')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="lg" maw={1100}>
        {editId && source && source.runningCount > 0 ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
            {t('editor.runningNote', { count: source.runningCount })}
          </Alert>
        ) : null}
        <Paper withBorder radius="md" p="lg">
          <Stack gap="sm">
            <Group align="flex-start" grow>
              <TextInput
                label={t('editor.name')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                maxLength={120}
                withAsterisk
              />
              <NumberInput label={t('editor.weeks')} min={1} max={12} value={weeks} onChange={setWeeks} maw={220} withAsterisk />
            </Group>
            <Textarea
              label={t('editor.description')}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={2000}
            />
          </Stack>
        </Paper>
        {Array.from({ length: weekCount }, (_, i) => i + 1).map((week) => {
          const rows = items.filter((i) => i.week === week);
          const titleId = `editor-week-${week}`;
          return (
            <Paper key={week} withBorder radius="md" p="lg" component="section" aria-labelledby={titleId}>
              <Stack gap="sm">
                <Title order={2} fz="lg" id={titleId}>
                  {t('editor.weekTitle', { week })}
                </Title>
                {rows.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('editor.noItems')}
                  </Text>
                ) : null}
                {rows.map((item, index) => {
                  const n = index + 1;
                  return (
                    <Group key={item.key} align="flex-start" gap="sm" wrap="nowrap">
                      <Autocomplete
                        aria-label={t('editor.categoryOf', { n, week })}
                        placeholder={t('editor.category')}
                        data={categories}
                        value={item.category}
                        onChange={(category) => update(item.key, { category })}
                        maxLength={60}
                        w={220}
                      />
                      <TextInput
                        aria-label={t('editor.titleOf', { n, week })}
                        placeholder={t('editor.itemTitle')}
                        value={item.title}
                        onChange={(e) => update(item.key, { title: e.currentTarget.value })}
                        maxLength={200}
                        style={{ flex: 2 }}
                      />
                      <TextInput
                        aria-label={t('editor.descriptionOf', { n, week })}
                        placeholder={t('editor.itemDescription')}
                        value={item.description}
                        onChange={(e) => update(item.key, { description: e.currentTarget.value })}
                        maxLength={2000}
                        style={{ flex: 3 }}
                      />
                      <ActionIcon
                        variant="subtle"
                        color="red.9"
                        size="lg"
                        aria-label={t('editor.remove', { n, week })}
                        onClick={() => remove(item.key)}
                      >
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Group>
                  );
                })}
                <Group>
                  <Button variant="light" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => add(week)}>
                    {t('editor.addItem', { week })}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          );
        })}
        <Group>
          <Button
            type="submit"
            loading={saving}
            disabled={!complete}
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            data-testid="program-save"
          >
            {t('editor.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
