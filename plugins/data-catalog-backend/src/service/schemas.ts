import {
  ACTION_STATUSES,
  checkForStudentRecords,
} from '@internal/plugin-data-catalog-common';
import { z } from 'zod';

// Request bodies are strict: an unknown field is an error, not ignored, so a
// misspelt field never looks saved.

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
  // Date.parse rolls 2024-02-30 over to March; a real date survives the
  // round trip unchanged.
  .refine(
    value =>
      !Number.isNaN(Date.parse(value)) &&
      new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    'not a real date',
  );

const text = (max: number) => z.string().trim().min(1).max(max);

// Free text is where a student's record could slip into a catalog that
// holds metadata only; such text is refused with why, before anything is
// stored.
const freeText = (max: number) =>
  text(max).superRefine((value, ctx) => {
    const problem = checkForStudentRecords(value);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
    }
  });

const version = z.number().int().min(0);

const annotationFields = {
  version,
  notes: freeText(5000).optional(),
  lastVerified: day.optional(),
  qualityRating: z.number().int().min(1).max(5).optional(),
};

/** Body of a write to a source's annotation. */
export const sourceAnnotationBody = z
  .object({
    ...annotationFields,
    corrections: z
      .array(
        z
          .object({
            element: text(255),
            status: z.enum(['partial', 'unusable']),
            reason: freeText(1000),
          })
          .strict(),
      )
      .max(500)
      .optional(),
  })
  .strict();

/** Body of a write to an indicator's annotation in a district. */
export const indicatorAnnotationBody = z.object(annotationFields).strict();

/** Body of a new action item. */
export const newActionBody = z
  .object({
    indicator: text(255),
    element: text(255).optional(),
    step: freeText(2000),
    owner: text(255),
    dueDate: day,
    status: z.enum(ACTION_STATUSES).optional(),
  })
  .strict();

/** Body of a change to an action item. */
export const actionChangeBody = z
  .object({
    version,
    step: freeText(2000).optional(),
    owner: text(255).optional(),
    dueDate: day.optional(),
    status: z.enum(ACTION_STATUSES).optional(),
  })
  .strict();
