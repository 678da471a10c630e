import { Anchor, Badge, Button, Table, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEntry } from '@contract';
import { formatDateTime } from '../../components/format';
import { StateDiff } from './StateDiff';

/** Where the changed thing lives in the app, when it has a screen of its own. */
export function auditTarget(entry: AuditEntry): string | null {
  if (entry.entityId !== null) {
    if (entry.entity === 'evaluation') return `/evaluations/${entry.entityId}`;
    if (entry.entity === 'rubric') return `/rubrics/versions/${entry.entityId}`;
    if (entry.entity === 'staff') return `/staff/${entry.entityId}`;
  }
  if (entry.entity === 'settings' && entry.action === 'updated') return '/settings';
  return null;
}

/**
 * Audit entries, newest first, each with its before → after one click away. Read only by design:
 * there is no channel to change an entry, so there is no control for it either.
 */
export function AuditTable({ entries, label, showWhat = true }: { entries: AuditEntry[]; label: string; showWhat?: boolean }) {
  const { t } = useTranslation('audit');
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const columns = showWhat ? 5 : 4;

  return (
    <Table.ScrollContainer minWidth={760} type="native">
      <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={label} data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>{t('columns.when')}</Table.Th>
            <Table.Th w={180}>{t('columns.who')}</Table.Th>
            {showWhat ? <Table.Th w={150}>{t('columns.what')}</Table.Th> : null}
            <Table.Th>{t('columns.summary')}</Table.Th>
            <Table.Th w={110}>{t('columns.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const expanded = open.has(entry.id);
            const when = formatDateTime(entry.at);
            const target = auditTarget(entry);
            const detailsId = `audit-details-${entry.id}`;
            return (
              <Fragment key={entry.id}>
                <Table.Tr data-testid="audit-entry" data-entity={entry.entity} data-action={entry.action} data-entry-id={entry.id}>
                  <Table.Td>
                    <Text size="sm" component="time" dateTime={entry.at}>
                      {when}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.actorName ?? t('system')}</Text>
                  </Table.Td>
                  {showWhat ? (
                    <Table.Td>
                      {target ? (
                        <Anchor component={Link} to={target} size="sm" fw={600}>
                          {t(`entities.${entry.entity}`)}
                        </Anchor>
                      ) : (
                        <Text size="sm" fw={600}>
                          {t(`entities.${entry.entity}`)}
                        </Text>
                      )}
                    </Table.Td>
                  ) : null}
                  <Table.Td>
                    <Text size="sm" data-testid="audit-summary">
                      {entry.summary}
                    </Text>
                    {entry.redacted ? (
                      <Tooltip label={t('redactedHint')} multiline w={280}>
                        <Badge color="gray.7" variant="filled" size="sm" mt={4} tabIndex={0}>
                          {t('redacted')}
                        </Badge>
                      </Tooltip>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      size="xs"
                      px={6}
                      leftSection={expanded ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
                      aria-expanded={expanded}
                      aria-controls={expanded ? detailsId : undefined}
                      aria-label={expanded ? t('hideLabel', { when }) : t('showLabel', { when })}
                      onClick={() => toggle(entry.id)}
                      data-testid="audit-toggle"
                    >
                      {expanded ? t('hide') : t('show')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {expanded ? (
                  <Table.Tr id={detailsId} bg="gray.0" data-testid="audit-details">
                    <Table.Td colSpan={columns} px="lg" py="md">
                      <StateDiff entry={entry} />
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
