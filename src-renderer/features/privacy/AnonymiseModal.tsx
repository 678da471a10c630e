import { Alert, Anchor, Button, Checkbox, Group, List, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnonymisePreview, AnonymiseResult } from '@contract';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

const normalise = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

/**
 * Anonymising cannot be undone, so the modal shows what it will touch, asks whether free text
 * that names the person goes too, and wants the name typed again before it acts.
 */
export function AnonymiseModal({
  opened,
  preview,
  onClose,
  onExportFirst,
}: {
  opened: boolean;
  preview: AnonymisePreview;
  onClose: () => void;
  onExportFirst: () => void;
}) {
  const { t } = useTranslation('privacy');
  const { t: tc } = useTranslation();
  const [clearFreeText, setClearFreeText] = useState(true);
  const [confirmName, setConfirmName] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  // The name as it was: after anonymising, the preview reloads with the new one.
  const [done, setDone] = useState<{ result: AnonymiseResult; formerName: string } | null>(null);

  const matches = normalise(confirmName) === normalise(preview.name);

  const close = () => {
    setClearFreeText(true);
    setConfirmName('');
    setTouched(false);
    setError(null);
    setDone(null);
    onClose();
  };

  const submit = async () => {
    setTouched(true);
    if (!matches) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.call('privacy.anonymise', { staffId: preview.staffId, clearFreeText, confirmName: confirmName.trim() });
      setDone({ result, formerName: preview.name });
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };

  const counts = [
    ['evaluations', preview.evaluations],
    ['feedbackSessions', preview.feedbackSessions],
    ['actionPoints', preview.actionPoints],
    ['recordings', preview.recordings],
  ] as const;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={done ? t('anonymise.resultTitle') : t('anonymise.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': tc('actions.close') }}
    >
      {done ? (
        <Stack data-testid="anonymise-result">
          <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />}>
            <Stack gap={4}>
              <Text size="sm">
                {t('anonymise.result', {
                  name: done.formerName,
                  replacementName: done.result.replacementName,
                  replacementNumber: done.result.replacementEmployeeNumber,
                })}
              </Text>
              {clearFreeText ? <Text size="sm">{t('anonymise.resultCleared', { count: done.result.clearedFreeText })}</Text> : null}
              <Text size="sm">{t('anonymise.resultAudit', { count: done.result.redactedAuditEntries })}</Text>
            </Stack>
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close} data-autofocus>
              {tc('actions.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack>
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('anonymise.irreversible')}>
              {t('anonymise.warning', {
                name: preview.name,
                number: preview.employeeNumber,
                replacementName: preview.replacementName,
                replacementNumber: preview.replacementEmployeeNumber,
              })}
            </Alert>
            <Text size="sm">
              <Anchor component="button" type="button" size="sm" onClick={onExportFirst}>
                {t('anonymise.exportFirst')}
              </Anchor>
            </Text>

            <Stack gap={4}>
              <Text size="sm" fw={600} id="anonymise-counts">
                {t('anonymise.countsLabel')}
              </Text>
              <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} m={0} aria-labelledby="anonymise-counts" data-testid="anonymise-counts">
                {counts.map(([key, value]) => (
                  <div key={key}>
                    <Text component="dt" size="xs" c="gray.7">
                      {t(`anonymise.counts.${key}`)}
                    </Text>
                    <Text component="dd" m={0} fw={700} size="lg">
                      {value}
                    </Text>
                  </div>
                ))}
              </SimpleGrid>
            </Stack>

            <Stack gap={4}>
              <Checkbox
                checked={clearFreeText}
                onChange={(e) => setClearFreeText(e.currentTarget.checked)}
                label={t('anonymise.clearFreeText', { count: preview.freeTextMentions })}
                description={t('anonymise.clearFreeTextHint')}
                data-testid="anonymise-clear-text"
              />
              {preview.mentions.length > 0 ? (
                <List size="sm" pl={32} c="gray.8" data-testid="anonymise-mentions">
                  {preview.mentions.map((m) => (
                    <List.Item key={m.kind}>
                      {t(`anonymise.kinds.${m.kind}`)}: {m.count}
                    </List.Item>
                  ))}
                </List>
              ) : (
                <Text size="sm" pl={32} c="gray.7">
                  {t('anonymise.noMentions')}
                </Text>
              )}
            </Stack>

            <TextInput
              label={t('anonymise.confirmLabel', { name: preview.name })}
              value={confirmName}
              onChange={(e) => {
                setConfirmName(e.currentTarget.value);
                setError(null);
              }}
              onBlur={() => setTouched(confirmName.trim() !== '')}
              error={touched && !matches ? t('anonymise.confirmMismatch') : null}
              autoComplete="off"
              spellCheck={false}
              data-autofocus
              data-testid="anonymise-confirm-name"
            />
            <ErrorAlert error={error} title={t('anonymise.title')} />

            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {tc('actions.cancel')}
              </Button>
              <Button type="submit" color="red.8" loading={busy} disabled={!matches} data-testid="anonymise-submit">
                {t('anonymise.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
