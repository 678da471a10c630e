import { Anchor, Badge, Paper, Table, Text, Title } from '@mantine/core';
import { format, parseISO, endOfMonth } from 'date-fns';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';

/**
 * The open action points of the coach's advisors that fall due this month (or earlier): what to
 * follow up in this month's conversations.
 */
export function MonthActionPoints({ advisorIds, period }: { advisorIds: readonly number[]; period: string }) {
  const { t } = useTranslation('coaching');
  const open = useChannel('actionPoints.list', { status: 'open' }, ['feedback', 'staff']);
  const lastDay = format(endOfMonth(parseISO(`${period}-01`)), 'yyyy-MM-dd');
  const today = format(new Date(), 'yyyy-MM-dd');
  const mine = new Set(advisorIds);
  const points = (open.data ?? [])
    .filter((p) => mine.has(p.advisorId) && p.dueDate <= lastDay)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  if (!open.error && points.length === 0) return null;
  return (
    <Paper withBorder radius="md" component="section" aria-labelledby="month-action-points-title" data-testid="month-action-points">
      <Title order={2} fz="lg" px="md" pt="md" id="month-action-points-title">
        {t('actionPointsTitle')}
      </Title>
      <Text size="sm" c="gray.7" px="md">
        {t('actionPointsIntro')}
      </Text>
      <ErrorAlert error={open.error} />
      <Table verticalSpacing="xs" mt="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('columns.advisor')}</Table.Th>
            <Table.Th>{t('actionPointColumns.description')}</Table.Th>
            <Table.Th>{t('actionPointColumns.criterion')}</Table.Th>
            <Table.Th>{t('actionPointColumns.due')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {points.map((p) => (
            <Table.Tr key={p.id} data-testid="month-action-point">
              <Table.Td>
                <Anchor component={Link} to={`/staff/${p.advisorId}`}>
                  {p.advisorName}
                </Anchor>
              </Table.Td>
              <Table.Td>{p.description}</Table.Td>
              <Table.Td>{p.criterionTitle ?? '—'}</Table.Td>
              <Table.Td>
                {formatDate(p.dueDate)}{' '}
                {p.dueDate < today ? (
                  <Badge color="red.9" variant="filled" size="sm" ml={4}>
                    {t('overdue')}
                  </Badge>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
