import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconAlertOctagon, IconArrowDown, IconArrowUp, IconChevronDown, IconChevronRight, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useFieldArray, useFormContext, useWatch, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { criticalClasses, type RubricDefinition } from '@contract';
import { formatNumber } from '../../components/format';
import { keyInputStyles, newCriterion, newSection, resizeLevels, type RubricFormValues } from './keys';

const NOT_CRITICAL = 'none';
const scaleMaxima = Array.from({ length: 9 }, (_, i) => i + 2);

/** Zod speaks English and technically; the form speaks the author's language. */
function useMessage() {
  const { t } = useTranslation('rubrics');
  return (error: FieldError | undefined, max?: number): string | undefined => {
    if (!error) return undefined;
    if (error.type === 'too_small') return t('validation.required');
    if (error.type === 'too_big') return t('validation.tooLong', { max });
    return t('validation.invalid');
  };
}

const useRubricForm = () => useFormContext<RubricFormValues, unknown, RubricDefinition>();

/** The draft's editable content; the surrounding page owns the form, saving and publishing. */
/** `savedKeys`: criterion keys as last saved; those criteria start folded. */
export function RubricForm({ keyLocked, savedKeys }: { keyLocked: boolean; savedKeys: ReadonlySet<string> }) {
  const { t } = useTranslation('rubrics');
  const { control } = useRubricForm();
  const sections = useFieldArray({ control, name: 'sections' });

  return (
    <Stack gap="lg">
      <GeneralFields keyLocked={keyLocked} />
      {sections.fields.map((field, index) => (
        <SectionEditor
          key={field.id}
          index={index}
          count={sections.fields.length}
          savedKeys={savedKeys}
          onMove={(to) => sections.move(index, to)}
          onRemove={() => sections.remove(index)}
        />
      ))}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => sections.append(newSection(t('editor.newSection'), t('editor.newCriterion')))}
          data-testid="add-section"
        >
          {t('editor.addSection')}
        </Button>
      </Group>
    </Stack>
  );
}

function GeneralFields({ keyLocked }: { keyLocked: boolean }) {
  const { t } = useTranslation('rubrics');
  const { control } = useRubricForm();
  const message = useMessage();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="rubric-general">
      <Title order={2} fz="md" mb="sm" id="rubric-general">
        {t('editor.general')}
      </Title>
      <Stack>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Controller
            control={control}
            name="name"
            render={({ field, fieldState }) => (
              <TextInput
                label={t('editor.name')}
                description={t('editor.nameHint')}
                required
                maxLength={120}
                {...field}
                error={message(fieldState.error, 120)}
                data-testid="rubric-name"
              />
            )}
          />
          <Controller
            control={control}
            name="key"
            render={({ field, fieldState }) => (
              <TextInput
                label={t('editor.rubricKey')}
                description={keyLocked ? t('editor.rubricKeyLocked') : t('editor.rubricKeyHint')}
                maxLength={60}
                readOnly={keyLocked}
                variant={keyLocked ? 'filled' : 'default'}
                styles={keyInputStyles}
                {...field}
                error={message(fieldState.error, 60)}
              />
            )}
          />
        </SimpleGrid>
        <Controller
          control={control}
          name="criticalZeroesTotal"
          render={({ field }) => (
            <Switch
              label={t('editor.criticalZeroesTotal')}
              description={t('editor.criticalZeroesTotalHint')}
              checked={field.value ?? false}
              onChange={(e) => field.onChange(e.currentTarget.checked)}
              onBlur={field.onBlur}
              data-testid="critical-zeroes-total"
            />
          )}
        />
      </Stack>
    </Paper>
  );
}

function MoveButtons({
  index,
  count,
  labels,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  labels: { up: string; down: string; remove: string };
  onMove(to: number): void;
  onRemove(): void;
}) {
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon variant="subtle" color="gray.8" aria-label={labels.up} disabled={index === 0} onClick={() => onMove(index - 1)}>
        <IconArrowUp size={18} aria-hidden />
      </ActionIcon>
      <ActionIcon variant="subtle" color="gray.8" aria-label={labels.down} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
        <IconArrowDown size={18} aria-hidden />
      </ActionIcon>
      <ActionIcon variant="subtle" color="red.9" aria-label={labels.remove} disabled={count === 1} onClick={onRemove}>
        <IconTrash size={18} aria-hidden />
      </ActionIcon>
    </Group>
  );
}

function SectionEditor({
  index,
  count,
  savedKeys,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  savedKeys: ReadonlySet<string>;
  onMove(to: number): void;
  onRemove(): void;
}) {
  const { t } = useTranslation('rubrics');
  const { control } = useRubricForm();
  const message = useMessage();
  const criteria = useFieldArray({ control, name: `sections.${index}.criteria` });
  const number = index + 1;
  const headingId = `section-editor-${index}`;

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId} data-testid={`section-editor-${index}`}>
      <Stack>
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} fz="md" id={headingId}>
            {t('editor.section', { number })}
          </Title>
          <MoveButtons
            index={index}
            count={count}
            labels={{
              up: t('editor.sectionUp', { number }),
              down: t('editor.sectionDown', { number }),
              remove: t('editor.sectionRemove', { number }),
            }}
            onMove={onMove}
            onRemove={onRemove}
          />
        </Group>
        <Group align="flex-start" grow preventGrowOverflow={false}>
          <Controller
            control={control}
            name={`sections.${index}.title`}
            render={({ field, fieldState }) => (
              <TextInput label={t('editor.sectionTitle')} required maxLength={200} {...field} error={message(fieldState.error, 200)} />
            )}
          />
          <Controller
            control={control}
            name={`sections.${index}.key`}
            render={({ field, fieldState }) => (
              <TextInput
                label={t('editor.key')}
                placeholder={t('editor.keyPlaceholder')}
                maxLength={60}
                styles={keyInputStyles}
                maw={260}
                {...field}
                error={message(fieldState.error, 60)}
              />
            )}
          />
        </Group>
        {criteria.fields.map((field, ci) => (
          <CriterionEditor
            key={field.id}
            sectionIndex={index}
            index={ci}
            count={criteria.fields.length}
            savedKeys={savedKeys}
            onMove={(to) => criteria.move(ci, to)}
            onRemove={() => criteria.remove(ci)}
          />
        ))}
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => criteria.append(newCriterion(t('editor.newCriterion')))}
            data-testid={`add-criterion-${index}`}
          >
            {t('editor.addCriterion')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function CriterionEditor({
  sectionIndex,
  index,
  count,
  savedKeys,
  onMove,
  onRemove,
}: {
  sectionIndex: number;
  index: number;
  count: number;
  savedKeys: ReadonlySet<string>;
  onMove(to: number): void;
  onRemove(): void;
}) {
  const { t, i18n } = useTranslation('rubrics');
  const { t: tc } = useTranslation();
  const { control, setValue, getValues, getFieldState, formState } = useRubricForm();
  const message = useMessage();
  const path = `sections.${sectionIndex}.criteria.${index}` as const;
  const number = `${sectionIndex + 1}.${index + 1}`;
  const [title, key, type, scaleMax, weight, required, allowNa, criticalClass] = useWatch({
    control,
    name: [
      `${path}.title`,
      `${path}.key`,
      `${path}.type`,
      `${path}.scaleMax`,
      `${path}.weight`,
      `${path}.required`,
      `${path}.allowNa`,
      `${path}.criticalClass`,
    ],
  });
  // Saved criteria start folded so the rubric reads as an outline; new ones and those with errors open.
  const [expanded, setExpanded] = useState<boolean | null>(null);
  const hasError = getFieldState(path, formState).invalid;
  const open = hasError || (expanded ?? !savedKeys.has(key));
  const headerId = `criterion-${sectionIndex}-${index}-header`;
  const panelId = `criterion-${sectionIndex}-${index}-panel`;
  const levelLabel = (value: number, max: number) => (max === 5 ? t(`editor.fiveLevels.${value}`) : t('editor.levelDefault', { value }));
  const setScale = (max: number) => {
    setValue(`${path}.scaleMax`, max, { shouldDirty: true });
    setValue(`${path}.levels`, resizeLevels(getValues(`${path}.levels`), max, levelLabel), { shouldDirty: true });
  };
  const Chevron = open ? IconChevronDown : IconChevronRight;

  return (
    <Paper withBorder radius="md" p="sm" data-testid={`criterion-editor-${sectionIndex}-${index}`}>
      <Group wrap="nowrap" align="flex-start" gap="xs">
        <UnstyledButton
          onClick={() => setExpanded(!open)}
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          style={{ flex: 1 }}
          p={4}
          data-testid="criterion-toggle"
        >
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Chevron size={18} aria-hidden style={{ flexShrink: 0, marginTop: 1 }} />
            <Stack gap={4}>
              <Text fw={600} size="sm" id={headerId}>
                {t('editor.criterion', { number })}: {title || '…'}
              </Text>
              <Group gap={6}>
                <Badge variant="light" color="gray" size="sm">
                  {type === 'scale' ? t('view.scale', { max: scaleMax ?? 5 }) : t('view.yesNo')}
                </Badge>
                <Badge variant="light" color="gray" size="sm">
                  {t('view.weight', { weight: Number.isFinite(weight) ? formatNumber(weight) : '—' })}
                </Badge>
                <Badge variant="light" color="gray" size="sm">
                  {(required ?? true) ? t('view.required') : t('view.optional')}
                </Badge>
                {allowNa ? (
                  <Badge variant="light" color="gray" size="sm">
                    {t('view.allowNa')}
                  </Badge>
                ) : null}
                {criticalClass ? (
                  <Badge variant="light" color="red" size="sm" leftSection={<IconAlertOctagon size={11} aria-hidden />}>
                    {tc(`critical.${criticalClass}`)}
                  </Badge>
                ) : null}
              </Group>
            </Stack>
          </Group>
        </UnstyledButton>
        <MoveButtons
          index={index}
          count={count}
          labels={{
            up: t('editor.criterionUp', { number }),
            down: t('editor.criterionDown', { number }),
            remove: t('editor.criterionRemove', { number }),
          }}
          onMove={onMove}
          onRemove={onRemove}
        />
      </Group>
      {open ? (
        <Stack gap="sm" mt="sm" px={4} id={panelId} role="group" aria-labelledby={headerId}>
          <Group align="flex-start" wrap="nowrap">
            <Controller
              control={control}
              name={`${path}.title`}
              render={({ field, fieldState }) => (
                <TextInput
                  label={t('editor.criterionTitle')}
                  required
                  maxLength={200}
                  style={{ flex: 1 }}
                  {...field}
                  error={message(fieldState.error, 200)}
                  data-testid="criterion-title"
                />
              )}
            />
            <Controller
              control={control}
              name={`${path}.key`}
              render={({ field, fieldState }) => (
                <TextInput
                  label={t('editor.key')}
                  placeholder={t('editor.keyPlaceholder')}
                  maxLength={60}
                  styles={keyInputStyles}
                  w={240}
                  {...field}
                  error={message(fieldState.error, 60)}
                />
              )}
            />
          </Group>
          <Controller
            control={control}
            name={`${path}.description`}
            render={({ field, fieldState }) => (
              <Textarea
                label={t('editor.description')}
                autosize
                minRows={1}
                maxLength={2000}
                {...field}
                value={field.value ?? ''}
                error={message(fieldState.error, 2000)}
              />
            )}
          />
          <SimpleGrid cols={{ base: 2, lg: 4 }}>
            <Controller
              control={control}
              name={`${path}.type`}
              render={({ field }) => (
                <Select
                  label={t('editor.type')}
                  data={(['yes_no', 'scale'] as const).map((v) => ({ value: v, label: t(`editor.types.${v}`) }))}
                  value={field.value}
                  onChange={(v) => {
                    if (v !== 'yes_no' && v !== 'scale') return;
                    field.onChange(v);
                    if (v === 'scale') setScale(getValues(`${path}.scaleMax`) ?? 5);
                    else {
                      setValue(`${path}.scaleMax`, undefined, { shouldDirty: true });
                      setValue(`${path}.levels`, [], { shouldDirty: true });
                    }
                  }}
                  onBlur={field.onBlur}
                  allowDeselect={false}
                  data-testid="criterion-type"
                />
              )}
            />
            {type === 'scale' ? (
              <Controller
                control={control}
                name={`${path}.scaleMax`}
                render={({ field }) => (
                  <Select
                    label={t('editor.scaleMax')}
                    data={scaleMaxima.map((max) => ({ value: String(max), label: t('editor.scaleMaxOption', { max }) }))}
                    value={String(field.value ?? 5)}
                    onChange={(v) => v && setScale(Number(v))}
                    onBlur={field.onBlur}
                    allowDeselect={false}
                    data-testid="criterion-scale-max"
                  />
                )}
              />
            ) : null}
            <Controller
              control={control}
              name={`${path}.weight`}
              render={({ field, fieldState }) => (
                <NumberInput
                  label={t('editor.weight')}
                  min={0.1}
                  max={100}
                  step={1}
                  decimalScale={2}
                  decimalSeparator={i18n.language === 'en' ? '.' : ','}
                  value={Number.isFinite(field.value) ? field.value : ''}
                  onChange={(v) => field.onChange(v === '' ? Number.NaN : Number(v))}
                  onBlur={field.onBlur}
                  error={fieldState.error ? t('validation.weight') : undefined}
                  data-testid="criterion-weight"
                />
              )}
            />
            <Controller
              control={control}
              name={`${path}.criticalClass`}
              render={({ field }) => (
                <Select
                  label={t('editor.critical')}
                  data={[
                    { value: NOT_CRITICAL, label: t('editor.notCritical') },
                    ...criticalClasses.map((c) => ({ value: c, label: tc(`critical.${c}`) })),
                  ]}
                  value={field.value ?? NOT_CRITICAL}
                  onChange={(v) => field.onChange(criticalClasses.find((c) => c === v) ?? null)}
                  onBlur={field.onBlur}
                  allowDeselect={false}
                  data-testid="criterion-critical"
                />
              )}
            />
          </SimpleGrid>
          <Group gap="xl">
            <Controller
              control={control}
              name={`${path}.required`}
              render={({ field }) => (
                <Checkbox
                  label={t('editor.required')}
                  checked={field.value ?? true}
                  onChange={(e) => field.onChange(e.currentTarget.checked)}
                  onBlur={field.onBlur}
                />
              )}
            />
            <Controller
              control={control}
              name={`${path}.allowNa`}
              render={({ field }) => (
                <Checkbox
                  label={t('editor.allowNa')}
                  checked={field.value ?? false}
                  onChange={(e) => field.onChange(e.currentTarget.checked)}
                  onBlur={field.onBlur}
                  data-testid="criterion-allow-na"
                />
              )}
            />
          </Group>
          {type === 'scale' ? <LevelsEditor path={path} number={number} /> : null}
        </Stack>
      ) : null}
    </Paper>
  );
}

function LevelsEditor({ path, number }: { path: `sections.${number}.criteria.${number}`; number: string }) {
  const { t } = useTranslation('rubrics');
  const { control, getFieldState, formState } = useRubricForm();
  const levels = useWatch({ control, name: `${path}.levels` }) ?? [];
  const rootError = getFieldState(path, formState).error;

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('editor.levels')}
      </Text>
      <Table fz="sm" verticalSpacing={4} withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('editor.levelColumn')}</Table.Th>
            <Table.Th w={220}>{t('editor.levelLabel')}</Table.Th>
            <Table.Th>{t('editor.levelGuidance')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {levels.map((level, li) => (
            <Table.Tr key={level.value}>
              <Table.Td>{level.value}</Table.Td>
              <Table.Td>
                <Controller
                  control={control}
                  name={`${path}.levels.${li}.label`}
                  render={({ field }) => (
                    <TextInput
                      size="xs"
                      aria-label={t('editor.levelLabelAria', { number, level: level.value })}
                      maxLength={80}
                      {...field}
                    />
                  )}
                />
              </Table.Td>
              <Table.Td>
                <Controller
                  control={control}
                  name={`${path}.levels.${li}.guidance`}
                  render={({ field }) => (
                    <Textarea
                      size="xs"
                      autosize
                      minRows={1}
                      aria-label={t('editor.levelGuidanceAria', { number, level: level.value })}
                      maxLength={1000}
                      {...field}
                    />
                  )}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rootError?.message ? (
        <Text size="xs" c="red.9" role="alert">
          {t('validation.levels')}
        </Text>
      ) : null}
    </Stack>
  );
}
