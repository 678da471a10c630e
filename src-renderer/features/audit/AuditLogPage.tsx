import { Button, Center, Group, Loader, Paper, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { auditEntities, auditEntity, type AuditEntry, type AuditQuery, type DataTopic } from '@contract';
import { api } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifyError } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { AuditTable } from './AuditTable';

const PAGE = 50;
/** Every write that leaves an audit entry announces one of these; the newest page follows them. */
const auditedTopics: DataTopic[] = ['staff', 'settings', 'rubrics', 'evaluations', 'plan', 'feedback', 'onboarding'];

/** The audit trail, newest first, filtered by kind (`?type=`) and optionally one thing (`&id=`). */
export function AuditLogPage() {
  const { t } = useTranslation('audit');
  const { t: tc } = useTranslation();
  const [params, setParams] = useSearchParams();
  const typeParam = auditEntity.safeParse(params.get('type'));
  const entity = typeParam.success ? typeParam.data : undefined;
  const idParam = Number(params.get('id'));
  const entityId = entity && Number.isInteger(idParam) && idParam > 0 ? idParam : undefined;
  const query: AuditQuery = { entity, entityId, limit: PAGE };

  const first = useChannel('audit.list', query, auditedTopics);
  // Older pages belong to one filter and one newest entry: a new filter, or a change made
  // meanwhile, starts again from the newest entries instead of leaving a gap.
  const pagingKey = `${entity ?? ''}/${entityId ?? ''}/${first.data?.[0]?.id ?? ''}`;
  const [more, setMore] = useState<{ key: string; entries: AuditEntry[]; end: boolean }>({ key: '', entries: [], end: false });
  const [loadingMore, setLoadingMore] = useState(false);
  const older = more.key === pagingKey ? more.entries : [];

  const shown = [...(first.data ?? []), ...older];
  const atEnd = (more.key === pagingKey && more.end) || (first.data !== undefined && first.data.length < PAGE);

  const loadMore = async () => {
    const last = shown[shown.length - 1];
    if (!last) return;
    setLoadingMore(true);
    try {
      const page = await api.call('audit.list', { ...query, beforeId: last.id });
      setMore({ key: pagingKey, entries: [...older, ...page], end: page.length < PAGE });
    } catch (error) {
      notifyError(error);
    } finally {
      setLoadingMore(false);
    }
  };

  const setFilter = (value: string | null) => {
    const next = auditEntity.safeParse(value);
    setParams(next.success ? { type: next.data } : {});
  };

  return (
    <>
      <BackLink to="/settings">{t('back')}</BackLink>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Group mb="md" align="flex-end">
        <Select
          label={t('filter')}
          w={260}
          value={entity ?? 'all'}
          onChange={(v) => setFilter(v)}
          allowDeselect={false}
          data={[{ value: 'all', label: t('all') }, ...auditEntities.map((e) => ({ value: e, label: t(`filterOptions.${e}`) }))]}
          data-testid="audit-filter"
        />
        {entityId !== undefined ? (
          <Button variant="default" onClick={() => setFilter(entity ?? null)} data-testid="audit-show-all-of-kind">
            {t('showAll')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={first.error} />
      <Paper withBorder radius="md">
        {first.data === undefined && !first.error ? (
          <Center p="xl">
            <Loader size="sm" aria-label={tc('loading')} />
          </Center>
        ) : shown.length === 0 && first.data ? (
          <Text p="xl" c="gray.7" ta="center" data-testid="audit-empty">
            {entity ? t('emptyFiltered') : t('empty')}
          </Text>
        ) : (
          <AuditTable entries={shown} label={t('tableLabel')} />
        )}
      </Paper>
      {shown.length > 0 ? (
        <Stack align="center" mt="md" gap={4}>
          {atEnd ? (
            <Text size="sm" c="gray.7" data-testid="audit-end">
              {t('end')}
            </Text>
          ) : (
            <Button variant="default" onClick={() => void loadMore()} loading={loadingMore} data-testid="audit-more">
              {t('more')}
            </Button>
          )}
        </Stack>
      ) : null}
    </>
  );
}
