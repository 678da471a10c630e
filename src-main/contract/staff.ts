import { z } from 'zod';
import { id, isoDate, requiredText, shortText } from './common';

export const staffRoles = ['advisor', 'coach', 'trainer', 'manager'] as const;
export const staffRole = z.enum(staffRoles);
export type StaffRole = z.infer<typeof staffRole>;

export const staffStatuses = ['active', 'onboarding', 'left'] as const;
export const staffStatus = z.enum(staffStatuses);
export type StaffStatus = z.infer<typeof staffStatus>;

export const staffMember = z.object({
  id,
  employeeNumber: z.string(),
  name: z.string(),
  team: z.string(),
  role: staffRole,
  startDate: isoDate.nullable(),
  status: staffStatus,
});
export type StaffMember = z.infer<typeof staffMember>;

export const staffFields = z.object({
  employeeNumber: requiredText(20).regex(/^[A-Za-z0-9-]+$/, 'Alleen letters, cijfers en streepjes'),
  name: requiredText(120),
  team: shortText(60),
  role: staffRole,
  startDate: isoDate.nullable(),
  status: staffStatus,
});
export type StaffFields = z.infer<typeof staffFields>;

export const staffListQuery = z.object({
  roles: z.array(staffRole).optional(),
  includeLeft: z.boolean().optional(),
});

export const staffUpdate = staffFields.extend({ id });

/** Roster files are small; 5 MB of base64 is far beyond any KCC's staff list. */
export const rosterImportInput = z.object({
  fileName: requiredText(255),
  contentBase64: z.string().min(1).max(7_000_000),
});

export const rosterRowError = z.object({ row: z.number().int(), message: z.string() });
export const rosterImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(rosterRowError),
});
export type RosterImportResult = z.infer<typeof rosterImportResult>;
