import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Dispute } from '@contract';
import { api } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { useSession } from '../../app/session-store';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime, formatScore } from '../../components/format';
import { notifyError } from '../../components/notify';
import { ListSection } from '../../components/ListSection';
import { PageHeader } from '../../components/PageHeader';
import { OutcomeBadge, scoresComparable, SecondStatusBadge, secondStatusKey } from './labels';

function CallCell({ dispute }: { dispute: Dispute }) {
  return (
    <>
      <Text size="sm">{formatDateTime(dispute.callAt)}</Text>
      <Text size="xs" c="dimmed">
        {dispute.recordingName}
      </Text>
    </>
  );
}

/** Starts (or resumes) the blind second opinion and opens it on the evaluation screen. */
function SecondOpinionButton({ dispute }: { dispute: Dispute }) {
  const { t } = useTranslation('disputes');
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const status = secondStatusKey(dispute);
  const open = async () => {
    setBusy(true);
    try {
      const evaluation = await api.call('disputes.startSecondOpinion', { id: dispute.id });
      await navigate(`/evaluations/${evaluation.id}`);
    } catch (error) {
      notifyError(error);
      setBusy(false);
    }
  };
  const [label, aria] =
    status === 'notStarted' ? ['start', 'startFor'] : status === 'draft' ? ['continue', 'continueFor'] : ['view', 'viewFor'];
  return (
    <Button
      size="xs"
      variant={status === 'notStarted' || status === 'draft' ? 'filled' : 'light'}
      onClick={() => void open()}
      loading={busy}
      aria-label={t(aria, { advisor: dispute.advisorName })}
      data-testid="second-opinion-action"
    >
      {t(label)}
    </Button>
  );
}

export function DisputesPage() {
  const { t } = useTranslation('disputes');
  const profileId = useSession((s) => s.session?.profile?.id) ?? null;
  const all = useChannel('disputes.list', { openOnly: false }, ['evaluations', 'staff']);
  const list = all.data ?? [];
  const forMe = list.filter((d) => d.secondCoachId === profileId && d.outcome === null);
  const open = list.filter((d) => d.outcome === null);
  const decided = list.filter((d) => d.outcome !== null);
  // A blind coach would only get a refusal behind the link: the second opinion comes first.
  const blindTo = (d: Dispute) => d.secondCoachId === profileId && !scoresComparable(d);

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Stack gap="lg">
        <ErrorAlert error={all.error} />
        <ListSection id="disputes-for-me" title={t('forMe')} empty={t('forMeEmpty')} count={forMe.length}>
          <Table verticalSpacing={6} fz="sm" aria-labelledby="disputes-for-me">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('advisor')}</Table.Th>
                <Table.Th>{t('call')}</Table.Th>
                <Table.Th>{t('reason')}</Table.Th>
                <Table.Th>{t('raisedBy')}</Table.Th>
                <Table.Th>{t('secondStatus')}</Table.Th>
                <Table.Th>{t('actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {forMe.map((d) => (
                <Table.Tr key={d.id} data-testid="for-me-row">
                  <Table.Td>{d.advisorName}</Table.Td>
                  <Table.Td>
                    <CallCell dispute={d} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap', maxWidth: 320 }}>{d.reason}</Table.Td>
                  <Table.Td>
                    {d.raisedByName}
                    <Text size="xs" c="dimmed">
                      {formatDate(d.raisedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <SecondStatusBadge dispute={d} />
                  </Table.Td>
                  <Table.Td>
                    <SecondOpinionButton dispute={d} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ListSection>

        <ListSection id="disputes-open" title={t('open')} empty={t('openEmpty')} count={open.length}>
          <Table verticalSpacing={6} fz="sm" aria-labelledby="disputes-open">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('advisor')}</Table.Th>
                <Table.Th>{t('call')}</Table.Th>
                <Table.Th>{t('reason')}</Table.Th>
                <Table.Th>{t('originalCoach')}</Table.Th>
                <Table.Th>{t('secondCoach')}</Table.Th>
                <Table.Th>{t('secondStatus')}</Table.Th>
                <Table.Th>{t('actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {open.map((d) => (
                <Table.Tr key={d.id} data-testid="open-row">
                  <Table.Td>{d.advisorName}</Table.Td>
                  <Table.Td>
                    <CallCell dispute={d} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap', maxWidth: 320 }}>{d.reason}</Table.Td>
                  <Table.Td>{d.originalCoachName}</Table.Td>
                  <Table.Td>{d.secondCoachName}</Table.Td>
                  <Table.Td>
                    <SecondStatusBadge dispute={d} />
                  </Table.Td>
                  <Table.Td>{blindTo(d) ? <SecondOpinionButton dispute={d} /> : <OpenEvaluationLink dispute={d} />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ListSection>

        <ListSection id="disputes-decided" title={t('decided')} empty={t('decidedEmpty')} count={decided.length}>
          <Table verticalSpacing={6} fz="sm" aria-labelledby="disputes-decided">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('advisor')}</Table.Th>
                <Table.Th>{t('call')}</Table.Th>
                <Table.Th>{t('reason')}</Table.Th>
                <Table.Th>{t('outcome')}</Table.Th>
                <Table.Th>{t('scores')}</Table.Th>
                <Table.Th>{t('decidedBy')}</Table.Th>
                <Table.Th>{t('actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {decided.map((d) => (
                <Table.Tr key={d.id} data-testid="decided-row">
                  <Table.Td>{d.advisorName}</Table.Td>
                  <Table.Td>
                    <CallCell dispute={d} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap', maxWidth: 280 }}>{d.reason}</Table.Td>
                  <Table.Td>
                    <OutcomeBadge dispute={d} />
                    {d.outcomeNote ? (
                      <Text size="xs" c="dimmed" mt={4}>
                        {d.outcomeNote}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {t('scoresLine', { original: formatScore(d.originalScorePct), second: formatScore(d.secondScorePct) })}
                  </Table.Td>
                  <Table.Td>
                    {d.decidedByName ?? '—'}
                    <Text size="xs" c="dimmed">
                      {formatDate(d.decidedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <OpenEvaluationLink dispute={d} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ListSection>
      </Stack>
    </>
  );
}

function OpenEvaluationLink({ dispute: d }: { dispute: Dispute }) {
  const { t } = useTranslation('disputes');
  return (
    <Anchor component={Link} to={`/evaluations/${d.evaluationId}`} size="sm" aria-label={t('openEvaluationOf', { advisor: d.advisorName })}>
      {t('openEvaluation')}
    </Anchor>
  );
}
