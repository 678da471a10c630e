import { ActionIcon, Button, Group, Paper, ScrollArea, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Marker } from '@contract';
import { api } from '../../api/client';
import { formatDuration } from '../../components/format';
import { notifyError } from '../../components/notify';
import { usePlayerStore } from './player-store';

interface NotesPanelProps {
  recordingId: number;
  evaluationId?: number;
  markers: Marker[];
}

/** Timestamped notes: written at the playhead, listed in time order, one click to jump back. */
export const NotesPanel = forwardRef<HTMLInputElement, NotesPanelProps>(function NotesPanel(
  { recordingId, evaluationId, markers },
  inputRef,
) {
  const { t } = useTranslation('player');
  const { currentTime, seek } = usePlayerStore();
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);

  const add = async () => {
    if (text.trim() === '') return;
    setSaving(true);
    try {
      await api.call('markers.add', { recordingId, evaluationId: evaluationId ?? null, atSeconds: currentTime, text: text.trim() });
      setText('');
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} fz="md">
          {t('notes')}
        </Title>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput
              ref={inputRef}
              style={{ flex: 1 }}
              label={t('noteAt', { time: formatDuration(currentTime) })}
              placeholder={t('notePlaceholder')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              onKeyDown={(e) => e.key === 'Escape' && e.currentTarget.blur()}
              maxLength={1000}
              data-testid="note-input"
            />
            <Button type="submit" loading={saving} disabled={text.trim() === ''}>
              {t('addNote')}
            </Button>
          </Group>
        </form>
        {markers.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('noNotes')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={260} viewportProps={{ tabIndex: 0, 'aria-label': t('notes') }}>
            <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="notes-list">
              {markers.map((m) => (
                <Group key={m.id} component="li" gap="xs" wrap="nowrap" align="flex-start">
                  <UnstyledButton onClick={() => seek(m.atSeconds)} aria-label={t('jumpTo', { time: formatDuration(m.atSeconds) })}>
                    <Text ff="monospace" size="sm" c="klankbord.8" fw={600} td="underline">
                      {formatDuration(m.atSeconds)}
                    </Text>
                  </UnstyledButton>
                  <Text size="sm" style={{ flex: 1 }}>
                    {m.text}
                    <Text span size="xs" c="dimmed">
                      {' '}
                      — {m.authorName}
                    </Text>
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    aria-label={t('removeNote')}
                    onClick={() => void api.call('markers.remove', { id: m.id }).catch(notifyError)}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Paper>
  );
});
