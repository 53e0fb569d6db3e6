import { InputError, NotFoundError } from '@backstage/errors';
import { INDICATOR_STAGES } from '@internal/plugin-data-catalog-common';
import { DistrictRecord } from '../readModel/types';
import { assertMayRead } from './assertMayRead';
import {
  compactResult,
  compactResultFields,
  gapSummarySchema,
  INDICATOR_STATUSES,
} from './compactResults';
import { findByName, matchingNames, NameMatching } from './findByName';
import { DataCatalogActionsOptions } from './options';

/** How districts are named: "Alder Creek", "alder-creek", "Alder Creek CSD". */
const DISTRICTS: NameMatching = {
  what: 'district',
  kind: 'group',
  listedBy: 'list-districts',
  fillerWords: [
    'central',
    'school',
    'schools',
    'district',
    'csd',
    'ufsd',
    'union',
    'free',
    'the',
    'of',
  ],
};

/**
 * The district a caller means. A BOCES is named as such, since gaps are
 * computed for its member districts, not for it.
 */
export function findDistrict(
  text: string,
  groups: DistrictRecord[],
): DistrictRecord {
  const districts = groups.filter(g => g.type === 'district');
  try {
    return findByName(text, districts, DISTRICTS);
  } catch (error) {
    const boces = error instanceof NotFoundError && bocesNamed(text, groups);
    if (boces) {
      throw new InputError(
        `"${text}" is the BOCES ${boces.title} (${boces.ref}), not a district: gaps are computed for each member district, which list-districts lists`,
      );
    }
    throw error;
  }
}

/** The one BOCES the text names, if it names one. */
function bocesNamed(text: string, groups: DistrictRecord[]) {
  try {
    return findByName(
      text,
      groups.filter(g => g.type === 'boces'),
      DISTRICTS,
    );
  } catch {
    return undefined;
  }
}

/** Registers list-districts and get-district-gaps. */
export function registerDistrictActions(options: DataCatalogActionsOptions) {
  const { actionsRegistry, auth, readModel, gaps } = options;

  actionsRegistry.register({
    name: 'list-districts',
    title: 'List school districts',
    description: [
      'Lists the school districts and BOCES (regional education service',
      'agencies) the data catalog knows, with the reference each of the',
      "other data-catalog actions accepts. Give `query` (part of a district's",
      'name) to list only the districts it matches.',
    ].join(' '),
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: zod =>
        zod.object({
          query: zod
            .string()
            .min(1)
            .optional()
            .describe(
              'Words of the name or title, such as "alder" or "Alder Creek"',
            ),
        }),
      output: zod =>
        zod.object({
          refreshedAt: zod
            .string()
            .optional()
            .describe('When the data catalog last read the software catalog'),
          districts: zod.array(
            zod.object({
              ref: zod.string(),
              name: zod.string(),
              title: zod.string(),
              type: zod.enum(['district', 'boces']),
              parent: zod
                .string()
                .optional()
                .describe("The district's BOCES, by reference"),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      assertMayRead(auth, credentials);

      const [all, state] = await Promise.all([
        readModel.listDistricts(),
        readModel.getState(),
      ]);
      const listed = input.query
        ? matchingNames(input.query, all, DISTRICTS)
        : all;

      return {
        output: {
          refreshedAt: state?.refreshedAt,
          districts: listed.map(d => ({
            ref: d.ref,
            name: d.name,
            title: d.title,
            type: d.type,
            ...(d.parent ? { parent: d.parent } : {}),
          })),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-district-gaps',
    title: "A district's indicator gaps",
    description: [
      'Which indicators of personalized learning (access, participation,',
      'outcomes) a school district can compute from the data it holds:',
      'each indicator is available, partial (only for some grades, years or',
      'subgroups), missing, or not applicable. For each partial or missing',
      'indicator, `gaps` names every data element that is missing or',
      'unusable and says why (not collected, not linkable by student ID, not',
      'covering the grades, no subgroup flag); for the others `reasons`',
      'says why. Give `status: ["missing",',
      '"partial"]` to list only what the district cannot fully compute. The',
      'district may be named by reference (group:default/alder-creek), name',
      'or title ("Alder Creek").',
    ].join(' '),
    attributes: { readOnly: true, idempotent: true },
    examples: [
      {
        title: 'What Alder Creek cannot compute, and why',
        input: { district: 'Alder Creek', status: ['missing', 'partial'] },
      },
    ],
    schema: {
      input: zod =>
        zod.object({
          district: zod
            .string()
            .min(1)
            .describe(
              'The district: reference, name or title, as list-districts gives them',
            ),
          status: zod
            .array(zod.enum(INDICATOR_STATUSES))
            .min(1)
            .optional()
            .describe(
              'List only indicators with these statuses; the summary counts all',
            ),
          stage: zod
            .enum(INDICATOR_STAGES)
            .optional()
            .describe('List only indicators of this stage'),
        }),
      output: zod =>
        zod.object({
          district: zod.object({
            ref: zod.string(),
            title: zod.string(),
            parent: zod.string().optional(),
          }),
          refreshedAt: zod.string().optional(),
          summary: gapSummarySchema(zod).describe(
            "Counts of every indicator's status, in total, by stage and by construct",
          ),
          indicators: zod.array(
            zod.object({
              indicator: zod.string().describe('The indicator, by reference'),
              title: zod.string(),
              stage: zod.string(),
              construct: zod.string(),
              ...compactResultFields(zod),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      assertMayRead(auth, credentials);

      const district = findDistrict(
        input.district,
        await readModel.listDistricts(),
      );
      const answer = await gaps.districtGaps(district.ref);
      const listed = answer.results.filter(
        r =>
          (!input.status || input.status.includes(r.status)) &&
          (!input.stage || r.stage === input.stage),
      );

      return {
        output: {
          district: {
            ref: district.ref,
            title: district.title,
            ...(district.parent ? { parent: district.parent } : {}),
          },
          refreshedAt: answer.refreshedAt,
          summary: answer.summary,
          indicators: listed.map(r => ({
            indicator: r.indicator,
            title: r.indicatorTitle,
            stage: r.stage,
            construct: r.construct,
            ...compactResult(r),
          })),
        },
      };
    },
  });
}
