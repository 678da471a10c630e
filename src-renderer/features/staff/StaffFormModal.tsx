import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { staffFields, staffRoles, staffStatuses, type StaffFields, type StaffMember } from '@contract';
import { api, ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../components/notify';

interface Props {
  opened: boolean;
  /** The person to edit; null or undefined adds someone new. */
  member?: StaffMember | null;
  onClose(): void;
  onSaved?(member: StaffMember): void;
}

export function StaffFormModal({ opened, member, onClose, onSaved }: Props) {
  const { t } = useTranslation('staff');
  const { t: tc } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={member ? t('form.editTitle') : t('form.createTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': tc('actions.close') }}
    >
      {/* Keyed so that opening the modal for another person starts from that person's values. */}
      <StaffForm key={member?.id ?? 'new'} member={member ?? null} onClose={onClose} onSaved={onSaved} />
    </Modal>
  );
}

const emptyFields: StaffFields = { name: '', employeeNumber: '', team: '', role: 'advisor', startDate: null, status: 'active' };

function StaffForm({ member, onClose, onSaved }: { member: StaffMember | null; onClose(): void; onSaved?(member: StaffMember): void }) {
  const { t } = useTranslation('staff');
  const { t: tc } = useTranslation();
  const [serverError, setServerError] = useState<Error | null>(null);
  const form = useForm<StaffFields>({
    resolver: zodResolver(staffFields),
    defaultValues: member
      ? {
          name: member.name,
          employeeNumber: member.employeeNumber,
          team: member.team,
          role: member.role,
          startDate: member.startDate,
          status: member.status,
        }
      : emptyFields,
  });
  const errors = form.formState.errors;

  // Zod's own messages are English and technical; the renderer speaks the person's language.
  const fieldError = (name: keyof StaffFields, max?: number): string | undefined => {
    const error = errors[name];
    if (!error) return undefined;
    if (error.type === 'too_small') return t('validation.required');
    if (error.type === 'too_big') return t('validation.tooLong', { max });
    if (error.type === 'invalid_format')
      return name === 'employeeNumber' ? t('validation.employeeNumberFormat') : t('validation.invalidDate');
    return t('validation.invalid');
  };

  const submit = form.handleSubmit(async (values) => {
    setServerError(null);
    try {
      const saved = member ? await api.call('staff.update', { id: member.id, ...values }) : await api.call('staff.create', values);
      notifySuccess(t('form.saved', { name: saved.name }));
      onSaved?.(saved);
      onClose();
    } catch (error) {
      // Kept in the modal so the person can correct e.g. a duplicate employee number without retyping.
      setServerError(error instanceof Error ? error : new ApiError('internal', { detail: String(error) }, String(error)));
    }
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="staff-form">
      <Stack>
        <ErrorAlert error={serverError} title={t('form.saveFailed')} />
        <TextInput
          label={t('form.name')}
          required
          autoComplete="off"
          data-autofocus
          {...form.register('name')}
          error={fieldError('name', 120)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('form.employeeNumber')}
            description={t('form.employeeNumberHint')}
            // Hint under the field keeps the inputs of both columns on one line.
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            required
            autoComplete="off"
            {...form.register('employeeNumber')}
            error={fieldError('employeeNumber', 20)}
          />
          <TextInput label={t('form.team')} autoComplete="off" {...form.register('team')} error={fieldError('team', 60)} />
          <Controller
            control={form.control}
            name="role"
            render={({ field }) => (
              <Select
                label={t('form.role')}
                required
                data={staffRoles.map((r) => ({ value: r, label: tc(`roles.${r}`) }))}
                value={field.value}
                onChange={(v) => v && field.onChange(v)}
                onBlur={field.onBlur}
                allowDeselect={false}
                data-testid="staff-role"
              />
            )}
          />
          <Controller
            control={form.control}
            name="status"
            render={({ field }) => (
              <Select
                label={t('form.status')}
                required
                data={staffStatuses.map((s) => ({ value: s, label: tc(`statuses.${s}`) }))}
                value={field.value}
                onChange={(v) => v && field.onChange(v)}
                onBlur={field.onBlur}
                allowDeselect={false}
                data-testid="staff-status"
              />
            )}
          />
          <TextInput
            type="date"
            label={t('form.startDate')}
            {...form.register('startDate', { setValueAs: (v: string | null) => (v ? v : null) })}
            error={fieldError('startDate')}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {tc('actions.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting}>
            {tc('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
