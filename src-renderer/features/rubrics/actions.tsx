import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RubricVersion } from '@contract';
import { api } from '../../api/client';
import { notifyError, notifySuccess } from '../../components/notify';
import i18n from '../../i18n';

/** The version a confirmation is about; kept while the modal closes so its text does not flip. */
export interface VersionRef {
  id: number;
  version: number;
}

/** Downloads the version as a JSON file through a temporary link: the same in Electron and the browser. */
export async function exportVersion(id: number): Promise<void> {
  try {
    const { fileName, json } = await api.call('rubrics.export', { id });
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked on the next task: the download has taken the blob by then.
    window.setTimeout(() => URL.revokeObjectURL(url), 0);
    notifySuccess(i18n.t('rubrics:exported', { fileName }));
  } catch (error) {
    notifyError(error);
  }
}

interface ConfirmProps {
  target: VersionRef | null;
  opened: boolean;
  onClose(): void;
}

export function PublishModal({ target, opened, onClose, onPublished }: ConfirmProps & { onPublished?(version: RubricVersion): void }) {
  const { t } = useTranslation('rubrics');
  const { t: tc } = useTranslation();
  const [busy, setBusy] = useState(false);
  const publish = async () => {
    if (!target) return;
    setBusy(true);
    try {
      const published = await api.call('rubrics.publish', { id: target.id });
      notifySuccess(t('published', { version: published.version }));
      onClose();
      onPublished?.(published);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('publishTitle', { version: target?.version ?? '' })}>
      <Stack>
        <List size="sm" spacing="xs">
          <List.Item>{t('publishText')}</List.Item>
          <List.Item>{t('publishPinned')}</List.Item>
          <List.Item>{t('publishUse')}</List.Item>
        </List>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tc('actions.cancel')}
          </Button>
          <Button onClick={() => void publish()} loading={busy} data-testid="confirm-publish">
            {t('publishConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function DiscardModal({
  target,
  opened,
  onClose,
  onlyVersion,
  onDiscarded,
}: ConfirmProps & { onlyVersion: boolean; onDiscarded?(): void }) {
  const { t } = useTranslation('rubrics');
  const { t: tc } = useTranslation();
  const [busy, setBusy] = useState(false);
  const discard = async () => {
    if (!target) return;
    setBusy(true);
    try {
      await api.call('rubrics.discardDraft', { id: target.id });
      notifySuccess(t('discarded'));
      onClose();
      onDiscarded?.();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('discardTitle', { version: target?.version ?? '' })}>
      <Stack>
        <Text size="sm">{t('discardText')}</Text>
        {onlyVersion ? (
          <Text size="sm" fw={600}>
            {t('discardTextOnly')}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tc('actions.cancel')}
          </Button>
          <Button color="red.9" onClick={() => void discard()} loading={busy} data-testid="confirm-discard">
            {t('discardConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Starts the next version as a draft and hands it to `open` (the editor). */
export async function startNewVersion(rubricId: number, open: (versionId: number) => void): Promise<void> {
  try {
    const draft = await api.call('rubrics.newDraft', { rubricId });
    notifySuccess(i18n.t('rubrics:newVersionCreated', { version: draft.version }));
    open(draft.id);
  } catch (error) {
    notifyError(error);
  }
}
