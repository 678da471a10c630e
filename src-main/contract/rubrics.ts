import { z } from 'zod';
import { id } from './common';

export const criticalClasses = ['customer', 'business', 'compliance'] as const;
export const criticalClass = z.enum(criticalClasses);
export type CriticalClass = z.infer<typeof criticalClass>;

export const criterionType = z.enum(['yes_no', 'scale']);
export type CriterionType = z.infer<typeof criterionType>;

export const scaleLevel = z.object({ value: z.number().int(), label: z.string(), guidance: z.string() });

export const criterion = z.object({
  id,
  key: z.string(),
  title: z.string(),
  description: z.string(),
  type: criterionType,
  /** Highest level of a scale criterion (lowest is 1); 1 for yes/no. */
  scaleMax: z.number().int().min(1),
  levels: z.array(scaleLevel),
  weight: z.number().positive(),
  required: z.boolean(),
  allowNa: z.boolean(),
  criticalClass: criticalClass.nullable(),
});
export type Criterion = z.infer<typeof criterion>;

export const section = z.object({ id, key: z.string(), title: z.string(), criteria: z.array(criterion) });
export type Section = z.infer<typeof section>;

export const rubricVersion = z.object({
  id,
  rubricId: id,
  name: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'published']),
  criticalZeroesTotal: z.boolean(),
  sections: z.array(section),
  /** Raised by every save of a draft; sent back as `expectedRevision` so two editors cannot overwrite each other. */
  revision: z.number().int(),
});
export type RubricVersion = z.infer<typeof rubricVersion>;

/** A rubric as a portable document: the shipped default, and later import/export between municipalities. */
export const criterionDefinition = z
  .object({
    key: z.string().min(1).max(60),
    title: z.string().min(1).max(200),
    description: z.string().max(2000).default(''),
    type: criterionType,
    scaleMax: z.number().int().min(2).max(10).optional(),
    levels: z.array(scaleLevel).default([]),
    weight: z.number().positive().max(100),
    required: z.boolean().default(true),
    allowNa: z.boolean().default(false),
    criticalClass: criticalClass.nullable().default(null),
  })
  .refine((c) => c.type === 'yes_no' || (c.scaleMax !== undefined && c.levels.length === c.scaleMax), {
    message: 'Een schaalcriterium heeft voor elk niveau een omschrijving nodig',
  });
export const rubricDefinition = z.object({
  key: z.string().min(1).max(60),
  name: z.string().min(1).max(120),
  criticalZeroesTotal: z.boolean().default(false),
  sections: z
    .array(z.object({ key: z.string().min(1).max(60), title: z.string().min(1).max(200), criteria: z.array(criterionDefinition).min(1) }))
    .min(1),
});
export type RubricDefinition = z.infer<typeof rubricDefinition>;
