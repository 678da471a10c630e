import { useAppStatus } from '../../app/app-status-store';
import { DemoBanner } from '../demo/DemoBanner';
import { OpenDemo } from '../demo/OpenDemo';
import {
  Anchor,
  Button,
  Card,
  Center,
  Container,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconUserCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { staffFields, type StaffFields } from '@contract';
import { api } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifyError } from '../../components/notify';
import { useSession } from '../../app/session-store';

const profileRoles = ['coach', 'manager', 'trainer'] as const;

export function ProfilePicker() {
  const { t } = useTranslation('session');
  const { t: tc } = useTranslation();
  const selectProfile = useSession((s) => s.selectProfile);
  const people = useChannel('staff.list', { roles: [...profileRoles] }, ['staff']);
  const [creating, setCreating] = useState(false);
  const showForm = creating || (people.data !== undefined && people.data.length === 0);
  const demo = useAppStatus((s) => s.status?.demo ?? false);

  return (
    <Center mih="100vh" bg="gray.0" py="xl">
      <Container size={720} w="100%">
        <Stack gap="lg">
          <Stack gap={4}>
            <Text fw={750} fz={22} c="klankbord.8">
              {tc('appName')}
            </Text>
            <Title order={1}>{t('pickTitle')}</Title>
            <Text c="dimmed">{people.data?.length === 0 ? t('noProfiles') : t('pickIntro')}</Text>
          </Stack>
          <DemoBanner />
          <ErrorAlert error={people.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {people.data?.map((person) => (
              <UnstyledButton
                key={person.id}
                onClick={() => void selectProfile(person.id).catch(notifyError)}
                aria-label={`${t('choose')}: ${person.name}`}
              >
                <Card withBorder padding="md" radius="md">
                  <Group>
                    <IconUserCircle size={36} stroke={1.4} aria-hidden />
                    <Stack gap={0}>
                      <Text fw={600}>{person.name}</Text>
                      <Text size="sm" c="dimmed">
                        {tc(`roles.${person.role}`)}
                        {person.team ? ` · ${person.team}` : ''}
                      </Text>
                    </Stack>
                  </Group>
                </Card>
              </UnstyledButton>
            ))}
          </SimpleGrid>
          {people.data?.length === 0 && !demo && <OpenDemo />}
          {showForm ? (
            <CreateProfile onCreated={(id) => void selectProfile(id).catch(notifyError)} />
          ) : (
            <Anchor component="button" type="button" onClick={() => setCreating(true)}>
              {t('orCreate')}
            </Anchor>
          )}
        </Stack>
      </Container>
    </Center>
  );
}

function CreateProfile({ onCreated }: { onCreated(id: number): void }) {
  const { t } = useTranslation('session');
  const { t: tc } = useTranslation();
  const form = useForm<StaffFields>({
    resolver: zodResolver(staffFields),
    defaultValues: { name: '', employeeNumber: '', team: '', role: 'coach', startDate: null, status: 'active' },
  });
  const submit = form.handleSubmit(async (values) => {
    try {
      const created = await api.call('staff.create', values);
      onCreated(created.id);
    } catch (error) {
      notifyError(error);
    }
  });
  const errors = form.formState.errors;
  return (
    <Card withBorder padding="lg" radius="md" component="form" onSubmit={(e) => void submit(e)}>
      <Stack>
        <Title order={2} fz="lg">
          {t('createTitle')}
        </Title>
        <TextInput label={t('name')} required {...form.register('name')} error={errors.name?.message} />
        <Group grow>
          <TextInput label={t('employeeNumber')} required {...form.register('employeeNumber')} error={errors.employeeNumber?.message} />
          <Controller
            control={form.control}
            name="role"
            render={({ field }) => (
              <Select
                label={t('role')}
                data={profileRoles.map((r) => ({ value: r, label: tc(`roles.${r}`) }))}
                value={field.value}
                onChange={(v) => v && field.onChange(v)}
                allowDeselect={false}
              />
            )}
          />
          <TextInput label={t('team')} {...form.register('team')} />
        </Group>
        <Button type="submit" loading={form.formState.isSubmitting} style={{ alignSelf: 'flex-start' }}>
          {t('create')}
        </Button>
      </Stack>
    </Card>
  );
}
