import {
  ActionIcon,
  Anchor,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconFileImport, IconKey, IconPencil, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { staffRoles, type StaffMember, type StaffRole } from '@contract';
import { useChannel } from '../../api/use-channel';
import { ScoreSparkline } from '../../components/charts/ScoreSparkline';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { StaffStatusBadge } from './badges';
import { RosterImportModal } from './RosterImportModal';
import { StaffFormModal } from './StaffFormModal';
import { useSession } from '../../app/session-store';
import { SetPasswordModal } from '../session/SetPasswordModal';

type RoleFilter = 'all' | StaffRole;

/** Case- and accent-insensitive, so "Ozturk" finds "Öztürk" — names in a Dutch KCC often carry diacritics. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Clicks on the link or the edit button do their own thing; the row click is only a larger target for the mouse. */
const fromControl = (target: EventTarget) => target instanceof Element && target.closest('a, button, input, label') !== null;

export function StaffPage() {
  const { t } = useTranslation('staff');
  const { t: tc } = useTranslation();
  const { t: tr } = useTranslation('reports');
  const { t: ts } = useTranslation('session');
  const navigate = useNavigate();
  const roleLabelId = useId();
  const [role, setRole] = useState<RoleFilter>('all');
  const [search, setSearch] = useState('');
  const [includeLeft, setIncludeLeft] = useState(false);
  // The member stays set while the modal closes, so its title and fields do not flip during the transition.
  const [form, setForm] = useState<{ opened: boolean; member: StaffMember | null }>({ opened: false, member: null });
  const [importing, setImporting] = useState(false);
  const [passwordFor, setPasswordFor] = useState<StaffMember | null>(null);
  // Passwords exist only where people sign in, and only a manager sets them.
  const setsPasswords = useSession((s) => s.session?.signInRequired === true && s.session.profile?.role === 'manager');

  const staff = useChannel('staff.list', { roles: role === 'all' ? undefined : [role], includeLeft }, ['staff']);
  // One call for the whole list: a query per row would not scale to a contact centre of hundreds.
  const sparklines = useChannel('reports.staffSparklines', {}, ['evaluations', 'staff']);
  const sparklineMonths = sparklines.data?.periods.length ?? 6;
  const scoresOf = useMemo(() => new Map((sparklines.data?.advisors ?? []).map((a) => [a.advisorId, a.scores])), [sparklines.data]);
  const needle = fold(search.trim());
  const visible = useMemo(
    () => (staff.data ?? []).filter((p) => needle === '' || fold(p.name).includes(needle) || fold(p.employeeNumber).includes(needle)),
    [staff.data, needle],
  );
  const filtered = role !== 'all' || includeLeft || needle !== '';

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} aria-hidden />}
              onClick={() => setImporting(true)}
              data-testid="open-roster-import"
            >
              {t('import')}
            </Button>
            <Button
              leftSection={<IconUserPlus size={16} aria-hidden />}
              onClick={() => setForm({ opened: true, member: null })}
              data-testid="add-staff"
            >
              {t('add')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        <Group align="flex-end" gap="lg" wrap="wrap">
          <div role="group" aria-labelledby={roleLabelId}>
            <Text id={roleLabelId} size="sm" fw={500} mb={4}>
              {t('filters.role')}
            </Text>
            <SegmentedControl
              value={role}
              onChange={(v) => setRole(v as RoleFilter)}
              data={[{ value: 'all', label: t('filters.all') }, ...staffRoles.map((r) => ({ value: r, label: t(`filters.${r}`) }))]}
              data-testid="role-filter"
            />
          </div>
          <TextInput
            label={t('filters.search')}
            placeholder={t('filters.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            type="search"
            w={280}
            data-testid="staff-search"
          />
          <Checkbox
            label={t('filters.includeLeft')}
            checked={includeLeft}
            onChange={(e) => setIncludeLeft(e.currentTarget.checked)}
            mb={8}
            data-testid="include-left"
          />
        </Group>

        <ErrorAlert error={staff.error} />

        <Paper withBorder radius="md">
          {staff.data && visible.length === 0 ? (
            <Text p="xl" c="gray.7" ta="center" data-testid="staff-empty">
              {filtered ? t('noMatches') : t('empty')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={880} type="native">
              <Table
                striped
                highlightOnHover
                verticalSpacing="sm"
                horizontalSpacing="md"
                aria-label={t('tableLabel')}
                data-testid="staff-table"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('columns.name')}</Table.Th>
                    <Table.Th>{t('columns.employeeNumber')}</Table.Th>
                    <Table.Th>{t('columns.team')}</Table.Th>
                    <Table.Th>{t('columns.role')}</Table.Th>
                    <Table.Th>{t('columns.startDate')}</Table.Th>
                    <Table.Th>{t('columns.status')}</Table.Th>
                    <Table.Th>{tr('staffList.column', { count: sparklineMonths })}</Table.Th>
                    <Table.Th w={setsPasswords ? 90 : 60}>
                      <VisuallyHidden>{t('columns.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {visible.map((person) => (
                    <Table.Tr
                      key={person.id}
                      style={{ cursor: 'pointer' }}
                      onClick={(e) => !fromControl(e.target) && void navigate(`/staff/${person.id}`)}
                      data-testid="staff-row"
                    >
                      <Table.Td>
                        <Anchor component={Link} to={`/staff/${person.id}`} fw={600}>
                          {person.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td ff="monospace">{person.employeeNumber}</Table.Td>
                      <Table.Td>{person.team || tc('none')}</Table.Td>
                      <Table.Td>{tc(`roles.${person.role}`)}</Table.Td>
                      <Table.Td>{formatDate(person.startDate)}</Table.Td>
                      <Table.Td>
                        <StaffStatusBadge status={person.status} />
                      </Table.Td>
                      <Table.Td>
                        {person.role === 'advisor' && scoresOf.has(person.id) ? (
                          <ScoreSparkline scores={scoresOf.get(person.id) ?? []} testId="sparkline" />
                        ) : (
                          tc('none')
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <ActionIcon
                            variant="subtle"
                            aria-label={t('editPerson', { name: person.name })}
                            onClick={() => setForm({ opened: true, member: person })}
                            data-testid="edit-staff"
                          >
                            <IconPencil size={18} aria-hidden />
                          </ActionIcon>
                          {setsPasswords && person.role !== 'advisor' && person.status !== 'left' ? (
                            <ActionIcon
                              variant="subtle"
                              aria-label={ts('setPasswordFor', { name: person.name })}
                              title={ts('setPassword')}
                              onClick={() => setPasswordFor(person)}
                              data-testid="set-password"
                            >
                              <IconKey size={18} aria-hidden />
                            </ActionIcon>
                          ) : null}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
        {staff.data && visible.length > 0 ? (
          <Text size="sm" c="gray.7" role="status">
            {t('count', { count: visible.length })}
          </Text>
        ) : null}
      </Stack>

      <StaffFormModal opened={form.opened} member={form.member} onClose={() => setForm((f) => ({ ...f, opened: false }))} />
      <RosterImportModal opened={importing} onClose={() => setImporting(false)} />
      <SetPasswordModal member={passwordFor} onClose={() => setPasswordFor(null)} />
    </>
  );
}
