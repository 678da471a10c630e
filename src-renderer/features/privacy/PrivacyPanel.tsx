import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileCode, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessExport, StaffMember } from '@contract';
import { api } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { downloadBlob } from '../../components/charts/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { notifyError, notifySuccess } from '../../components/notify';
import { AnonymiseModal } from './AnonymiseModal';

/** The access request (inzage) and anonymisation of one person, for the advisor page. */
export function PrivacyPanel({ member }: { member: StaffMember }) {
  const { t } = useTranslation('privacy');
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<AccessExport | null>(null);
  const [anonymising, setAnonymising] = useState(false);
  const left = member.status === 'left';
  // Only a leaver can be (or have been) anonymised, so only then is the preview worth reading.
  const preview = useChannel('privacy.anonymisePreview', left ? { id: member.id } : null, [
    'staff',
    'evaluations',
    'markers',
    'feedback',
    'onboarding',
    'recordings',
  ]);
  const anonymisedAt = left ? (preview.data?.anonymisedAt ?? null) : null;

  const exportHtml = async () => {
    setExporting(true);
    try {
      const result = await api.call('privacy.exportPerson', { id: member.id });
      const fileName = `${result.fileNameBase}.html`;
      downloadBlob(fileName, new Blob([result.html], { type: 'text/html;charset=utf-8' }));
      setExported(result);
      notifySuccess(t('export.done', { fileName }));
    } catch (e) {
      notifyError(e);
    } finally {
      setExporting(false);
    }
  };

  const exportJson = () => {
    if (!exported) return;
    downloadBlob(`${exported.fileNameBase}.json`, new Blob([exported.json], { type: 'application/json;charset=utf-8' }));
  };

  const anonymiseHelpId = `privacy-anonymise-help-${member.id}`;

  return (
    <Stack gap="sm" component="section" aria-labelledby="privacy-title" data-testid="privacy-panel">
      <Title order={2} fz="xl" id="privacy-title">
        {t('title')}
      </Title>
      <Paper withBorder radius="md" p="md">
        <Stack gap="md">
          <Text size="sm">{anonymisedAt ? t('introAnonymised') : t('intro', { name: member.name })}</Text>
          <ErrorAlert error={preview.error} />

          <Stack gap={6}>
            <Group gap="sm">
              <Button
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
                loading={exporting}
                onClick={() => void exportHtml()}
                data-testid="privacy-export"
              >
                {t('export.button')}
              </Button>
              {exported ? (
                <Button
                  variant="subtle"
                  leftSection={<IconFileCode size={16} aria-hidden />}
                  onClick={exportJson}
                  title={t('export.jsonHint')}
                  data-testid="privacy-export-json"
                >
                  {t('export.json')}
                </Button>
              ) : null}
            </Group>
            <Text size="xs" c="gray.7" maw={720}>
              {t('export.hint')}
            </Text>
          </Stack>

          <Stack gap={6}>
            <Group gap="sm">
              <Button
                color="red.8"
                variant="outline"
                leftSection={<IconUserOff size={16} aria-hidden />}
                disabled={!left || anonymisedAt !== null || !preview.data}
                onClick={() => setAnonymising(true)}
                aria-describedby={anonymiseHelpId}
                data-testid="privacy-anonymise"
              >
                {t('anonymise.button')}
              </Button>
            </Group>
            {anonymisedAt ? (
              <Alert color="gray" variant="light" id={anonymiseHelpId} data-testid="privacy-anonymised">
                {t('anonymise.done', { date: formatDate(anonymisedAt) })}
              </Alert>
            ) : (
              <Text size="xs" c="gray.7" id={anonymiseHelpId} data-testid="privacy-anonymise-help">
                {left ? t('anonymise.hint') : t('anonymise.notLeft')}
              </Text>
            )}
          </Stack>
        </Stack>
      </Paper>
      {preview.data ? (
        <AnonymiseModal
          opened={anonymising}
          preview={preview.data}
          onClose={() => setAnonymising(false)}
          onExportFirst={() => void exportHtml()}
        />
      ) : null}
    </Stack>
  );
}
