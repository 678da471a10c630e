import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SampleItem } from '@contract';
import { api } from '../../api/client';
import { notifyError, notifySuccess } from '../../components/notify';

/** Asks why a pick is replaced (required: the history must explain every change), then redraws it. */
export function RedrawModal({ item, opened, onClose }: { item: SampleItem | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('sampling');
  const { t: tc } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };

  const submit = async () => {
    if (!item) return;
    if (reason.trim() === '') {
      setError(t('redrawReasonRequired'));
      return;
    }
    setBusy(true);
    try {
      await api.call('samples.redraw', { itemId: item.id, reason: reason.trim() });
      notifySuccess(t('redrawn'));
      close();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t('redrawTitle')} size="lg" closeButtonProps={{ 'aria-label': tc('actions.close') }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Text size="sm">{item ? t('redrawIntro', { file: item.fileName, name: item.advisorName }) : null}</Text>
          <Textarea
            label={t('redrawReason')}
            placeholder={t('redrawReasonPlaceholder')}
            withAsterisk
            aria-required
            autosize
            minRows={3}
            maxLength={500}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setError(null);
            }}
            error={error}
            data-autofocus
            data-testid="redraw-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {tc('actions.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="redraw-confirm">
              {t('redrawConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
