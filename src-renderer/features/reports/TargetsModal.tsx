import { Button, Group, Modal, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportTargets } from '@contract';
import { api } from '../../api/client';
import { notifyError, notifySuccess } from '../../components/notify';
import i18n from '../../i18n';

/** The draft as typed: an empty team field means "follows the default". */
interface Draft {
  defaultPct: number | string;
  teams: Record<string, number | string>;
}

const toDraft = (targets: ReportTargets): Draft => ({
  defaultPct: targets.defaultPct,
  teams: Object.fromEntries(targets.teams.map((tm) => [tm.team, tm.custom ? tm.targetPct : ''])),
});

const asNumber = (value: number | string) => (typeof value === 'number' ? value : null);

/** The team manager sets the norm: one default and, where a team differs, its own. */
export function TargetsModal({ opened, targets, onClose }: { opened: boolean; targets: ReportTargets | undefined; onClose(): void }) {
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saving, setSaving] = useState(false);
  const current = draft ?? (targets ? toDraft(targets) : null);
  const decimalSeparator = i18n.language === 'en' ? '.' : ',';

  const close = () => {
    setDraft(null);
    onClose();
  };

  const save = async () => {
    if (!current) return;
    const defaultPct = asNumber(current.defaultPct);
    if (defaultPct === null) return;
    setSaving(true);
    try {
      await api.call('reports.setTargets', {
        defaultPct,
        teams: Object.entries(current.teams).flatMap(([team, v]) => {
          const pct = asNumber(v);
          return pct === null ? [] : [{ team, targetPct: pct }];
        }),
      });
      notifySuccess(t('targets.saved'));
      close();
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t('targets.title')} size="lg">
      {current ? (
        <Stack gap="md">
          <Text size="sm">{t('targets.intro')}</Text>
          <NumberInput
            label={t('targets.default')}
            value={current.defaultPct}
            onChange={(v) => setDraft({ ...current, defaultPct: v })}
            min={0}
            max={100}
            decimalScale={1}
            decimalSeparator={decimalSeparator}
            suffix="%"
            w={160}
            required
            data-testid="target-default"
          />
          {Object.keys(current.teams).length > 0 ? (
            <Table verticalSpacing={4} aria-label={t('targets.perTeam')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashboard.columns.team')}</Table.Th>
                  <Table.Th>{t('targets.own')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {Object.entries(current.teams).map(([team, value]) => (
                  <Table.Tr key={team}>
                    <Table.Td>{team || tc('none')}</Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={t('targets.teamLabel', { team })}
                        placeholder={t('targets.followsDefault')}
                        value={value}
                        onChange={(v) => setDraft({ ...current, teams: { ...current.teams, [team]: v } })}
                        min={0}
                        max={100}
                        decimalScale={1}
                        decimalSeparator={decimalSeparator}
                        suffix="%"
                        w={200}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {tc('actions.cancel')}
            </Button>
            <Button
              onClick={() => void save()}
              loading={saving}
              disabled={asNumber(current.defaultPct) === null}
              data-testid="save-targets"
            >
              {tc('actions.save')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
