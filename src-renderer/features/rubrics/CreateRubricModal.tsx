import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rubricDefinition } from '@contract';
import { api, ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';
import { fillKeys, keyInputStyles, newSection } from './keys';

/** Asks only for a name: the rubric starts as a draft with one section to build on in the editor. */
export function CreateRubricModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose(): void;
  onCreated(versionId: number): void;
}) {
  const { t } = useTranslation('rubrics');
  return (
    <Modal opened={opened} onClose={onClose} title={t('create.title')} size="lg">
      {opened ? <CreateRubricForm onClose={onClose} onCreated={onCreated} /> : null}
    </Modal>
  );
}

function CreateRubricForm({ onClose, onCreated }: { onClose(): void; onCreated(versionId: number): void }) {
  const { t } = useTranslation('rubrics');
  const { t: tc } = useTranslation();
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [nameMissing, setNameMissing] = useState(false);

  const submit = async () => {
    if (name.trim() === '') {
      setNameMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const definition = rubricDefinition.parse(
        fillKeys({ key, name, sections: [newSection(t('create.firstSection'), t('create.firstCriterion'))] }),
      );
      const draft = await api.call('rubrics.create', { definition });
      notifySuccess(t('create.created', { name: draft.name }));
      onClose();
      onCreated(draft.id);
    } catch (e) {
      setError(e instanceof Error ? e : new ApiError('internal', { detail: String(e) }, String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
      data-testid="create-rubric-form"
    >
      <Stack>
        <ErrorAlert error={error} title={t('editor.saveFailed')} />
        <TextInput
          label={t('create.name')}
          required
          data-autofocus
          maxLength={120}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setNameMissing(false);
          }}
          error={nameMissing ? t('validation.required') : undefined}
        />
        <TextInput
          label={t('create.key')}
          description={t('create.keyHint')}
          maxLength={60}
          value={key}
          onChange={(e) => setKey(e.currentTarget.value)}
          styles={keyInputStyles}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {tc('actions.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
