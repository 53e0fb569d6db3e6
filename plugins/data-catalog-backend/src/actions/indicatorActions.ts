import {
  INDICATOR_CONSTRUCTS,
  INDICATOR_STAGES,
} from '@internal/plugin-data-catalog-common';
import { assertMayRead } from './assertMayRead';
import {
  compactResult,
  compactResultFields,
  countStatuses,
  INDICATOR_STATUSES,
  statusCountsSchema,
} from './compactResults';
import { findByName, matchingNames, NameMatching } from './findByName';
import { DataCatalogActionsOptions } from './options';

/** How indicators are named: "Chronic absenteeism rate", "chronic-absenteeism-rate". */
const INDICATORS: NameMatching = {
  what: 'indicator',
  kind: 'indicator',
  listedBy: 'list-indicators',
};

/** Registers list-indicators and get-indicator-availability. */
export function registerIndicatorActions(options: DataCatalogActionsOptions) {
  const { actionsRegistry, auth, readModel, gaps } = options;

  actionsRegistry.register({
    name: 'list-indicators',
    title: 'List indicators',
    description: [
      'Lists the indicators of personalized learning the data catalog',
      'assesses: their stage (access, participation, outcomes), construct,',
      'the data elements each requires and the subgroup elements it must be',
      'broken down by, with the reference the other data-catalog actions',
      'accept. Give `query` (words of the title), `stage` or `construct` to',
      'list fewer.',
    ].join(' '),
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: zod =>
        zod.object({
          query: zod
            .string()
            .min(1)
            .optional()
            .describe('Words of the title, such as "absenteeism"'),
          stage: zod.enum(INDICATOR_STAGES).optional(),
          construct: zod.enum(INDICATOR_CONSTRUCTS).optional(),
        }),
      output: zod =>
        zod.object({
          indicators: zod.array(
            zod.object({
              ref: zod.string(),
              name: zod.string(),
              title: zod.string(),
              stage: zod.string(),
              construct: zod.string(),
              requires: zod
                .array(zod.string())
                .describe('The data elements it is computed from'),
              disaggregateBy: zod
                .array(zod.string())
                .describe('The subgroup elements it must be broken down by'),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      assertMayRead(auth, credentials);

      const all = await readModel.listIndicators();
      const matched = input.query
        ? matchingNames(input.query, all, INDICATORS)
        : all;
      const listed = matched.filter(
        i =>
          (!input.stage || i.stage === input.stage) &&
          (!input.construct || i.construct === input.construct),
      );

      return {
        output: {
          indicators: listed.map(i => ({
            ref: i.ref,
            name: i.name,
            title: i.title,
            stage: i.stage,
            construct: i.construct,
            requires: i.requires,
            disaggregateBy: i.disaggregateBy,
          })),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-indicator-availability',
    title: 'One indicator in every district',
    description: [
      'Whether each school district can compute one indicator: available,',
      'partial, missing or not applicable. Where it is partial or missing,',
      '`gaps` names each data element that is missing or unusable there and',
      'says why; elsewhere `reasons` says why. Use it to compare districts on',
      'one measure. The',
      'indicator may be named by reference',
      '(indicator:default/chronic-absenteeism-rate), name or title.',
    ].join(' '),
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: zod =>
        zod.object({
          indicator: zod
            .string()
            .min(1)
            .describe(
              'The indicator: reference, name or title, as list-indicators gives them',
            ),
          status: zod
            .array(zod.enum(INDICATOR_STATUSES))
            .min(1)
            .optional()
            .describe(
              'List only districts where it has these statuses; the counts count all',
            ),
        }),
      output: zod =>
        zod.object({
          indicator: zod.object({
            ref: zod.string(),
            title: zod.string(),
            stage: zod.string(),
            construct: zod.string(),
          }),
          refreshedAt: zod.string().optional(),
          counts: statusCountsSchema(zod).describe(
            'How many districts have each status',
          ),
          districts: zod.array(
            zod.object({
              district: zod.string().describe('The district, by reference'),
              title: zod.string(),
              ...compactResultFields(zod),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      assertMayRead(auth, credentials);

      const [indicators, districts] = await Promise.all([
        readModel.listIndicators(),
        readModel.listDistricts(),
      ]);
      const indicator = findByName(input.indicator, indicators, INDICATORS);
      const answer = await gaps.indicatorAcrossDistricts(indicator.ref);
      const titles = new Map(districts.map(d => [d.ref, d.title]));
      const listed = answer.results.filter(
        r => !input.status || input.status.includes(r.status),
      );

      return {
        output: {
          indicator: {
            ref: indicator.ref,
            title: indicator.title,
            stage: indicator.stage,
            construct: indicator.construct,
          },
          refreshedAt: answer.refreshedAt,
          counts: countStatuses(answer.results),
          districts: listed.map(r => ({
            district: r.district,
            title: titles.get(r.district) ?? r.district,
            ...compactResult(r),
          })),
        },
      };
    },
  });
}
