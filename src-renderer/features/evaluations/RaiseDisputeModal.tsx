import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evaluation } from '@contract';
import { api } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { notifyError, notifySuccess } from '../../components/notify';

/** Records the advisor's disagreement and asks another coach (never the evaluation's own) for a blind second opinion. */
export function RaiseDisputeModal({
  evaluation,
  opened,
  onClose,
  onRaised,
}: {
  evaluation: Evaluation;
  opened: boolean;
  onClose(): void;
  onRaised(): void;
}) {
  const { t } = useTranslation('evaluations');
  const { t: tc } = useTranslation();
  const coaches = useChannel('staff.list', opened ? { roles: ['coach'] } : null, ['staff']);
  const choices = (coaches.data ?? []).filter((c) => c.id !== evaluation.coachId).map((c) => ({ value: String(c.id), label: c.name }));
  const [reason, setReason] = useState('');
  const [coachId, setCoachId] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ reason?: string; coach?: string }>({});
  const [busy, setBusy] = useState(false);

  const close = () => {
    setReason('');
    setCoachId(null);
    setErrors({});
    onClose();
  };

  const submit = async () => {
    const found = {
      reason: reason.trim() === '' ? t('raiseReasonRequired') : undefined,
      coach: coachId === null ? t('raiseCoachRequired') : undefined,
    };
    setErrors(found);
    if (found.reason || found.coach || coachId === null) return;
    setBusy(true);
    try {
      const dispute = await api.call('disputes.raise', {
        evaluationId: evaluation.id,
        reason: reason.trim(),
        secondCoachId: Number(coachId),
      });
      notifySuccess(t('raised', { name: dispute.secondCoachName }));
      close();
      onRaised();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t('raiseTitle')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Text size="sm">{t('raiseIntro')}</Text>
          <Textarea
            label={t('raiseReason')}
            placeholder={t('raiseReasonPlaceholder')}
            withAsterisk
            aria-required
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setErrors((prev) => ({ ...prev, reason: undefined }));
            }}
            error={errors.reason}
            data-autofocus
            data-testid="dispute-reason-input"
          />
          <Select
            label={t('raiseCoach')}
            placeholder={t('raiseCoachPlaceholder')}
            withAsterisk
            aria-required
            data={choices}
            value={coachId}
            onChange={(value) => {
              setCoachId(value);
              setErrors((prev) => ({ ...prev, coach: undefined }));
            }}
            error={errors.coach}
            allowDeselect={false}
            comboboxProps={{ withinPortal: false }}
            data-testid="dispute-coach"
          />
          {coaches.data && choices.length === 0 ? (
            <Alert color="yellow">
              <Text size="sm">{t('raiseNoCoach')}</Text>
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="dispute-confirm">
              {t('raiseConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
