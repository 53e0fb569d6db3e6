import { createPermissionRule } from '@backstage/plugin-permission-node';
import { z } from 'zod';
import { dataCatalogSubjectResourceRef } from './subjects';

/**
 * Allows a user who is, or belongs to, one of a subject's writers: the
 * owner of a source, or the data team of the source's district.
 */
export const isSubjectWriter = createPermissionRule({
  name: 'IS_SUBJECT_WRITER',
  description:
    "Allow the source's owning group and the district's data team to write",
  resourceRef: dataCatalogSubjectResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe(
        "The user's ownership references: the user and the groups they belong to",
      ),
  }),
  apply: (subject, { claims }) => {
    const mine = new Set(claims.map(c => c.toLocaleLowerCase('en-US')));
    return subject.writers.some(w => mine.has(w));
  },
  toQuery: ({ claims }) => ({ writerIn: claims }),
});
