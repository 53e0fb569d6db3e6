import { z } from 'zod';

// Every route parses its query with one of these, before anything else, and
// all are strict: an unknown parameter is an error, never ignored, so that
// a misspelt filter does not quietly answer for everything.

/** The query of a route that takes no parameters. */
export const noQuery = z.object({}).strict();

/** Query of a district's gaps. */
export const districtGapsQuery = z
  .object({ detail: z.enum(['full', 'summary']).default('full') })
  .strict();

/** Query of the lineage route. */
export const lineageQuery = z
  .object({
    direction: z.enum(['upstream', 'downstream', 'both']).default('both'),
    depth: z.coerce.number().int().min(1).max(10).default(3),
    limit: z.coerce.number().int().min(1).max(5000).default(500),
  })
  .strict();

/** Query of an indicator's status changes. */
export const statusChangesQuery = z
  .object({ district: z.string().min(1).optional() })
  .strict();

/** Query of the element comparison. */
export const comparisonQuery = z
  .object({
    domain: z.string().min(1).optional(),
    subgroup: z.enum(['true', 'false']).optional(),
  })
  .strict();

/** Query of the history route. */
export const historyQuery = z
  .object({
    subjectType: z.enum(['annotation', 'action']).optional(),
    subjectId: z.string().min(1).optional(),
    district: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

/** Query of the write-access route. */
export const writeAccessQuery = z
  .object({ subject: z.string().min(1) })
  .strict();
