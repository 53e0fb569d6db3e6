import { InputError, NotFoundError } from '@backstage/errors';
import { ReadModelStore } from '../database/ReadModelStore';
import { refOf } from '../readModel/buildReadModel';
import { assertMayRead } from './assertMayRead';
import { DataCatalogActionsOptions } from './options';

const LINEAGE_KINDS = ['datasource', 'dataelement', 'indicator'];

/**
 * The source, element or indicator a caller means: a full reference, or a
 * bare name looked up among all three kinds, since an assistant often has
 * only the name.
 */
export async function findLineageRoot(
  text: string,
  readModel: ReadModelStore,
): Promise<string> {
  const trimmed = text.trim();
  let candidates: string[];
  try {
    candidates = trimmed.includes(':')
      ? [refOf(trimmed, { defaultKind: '', defaultNamespace: 'default' })]
      : LINEAGE_KINDS.map(kind =>
          refOf(trimmed, { defaultKind: kind, defaultNamespace: 'default' }),
        );
  } catch {
    throw new InputError(
      `"${text}" is not an entity reference such as datasource:default/alder-creek-sis`,
    );
  }

  const kinds = await readModel.kindsOf(candidates);
  const found = candidates.filter(ref => kinds.has(ref));
  if (found.length === 1) {
    return found[0];
  }
  if (found.length > 1) {
    throw new InputError(
      `"${text}" names ${found.join(', ')}; give the full reference of one`,
    );
  }
  throw new NotFoundError(
    `No data source, element or indicator ${candidates.join(
      ' or ',
    )} in the catalog`,
  );
}

/** Registers get-lineage. */
export function registerLineageAction(options: DataCatalogActionsOptions) {
  const { actionsRegistry, auth, readModel, lineage } = options;

  actionsRegistry.register({
    name: 'get-lineage',
    title: 'Where data comes from and what depends on it',
    description: [
      'Walks the lineage of a data source, data element or indicator.',
      'Upstream: the systems that feed a source (platform, then SIS, then',
      'state reporting, then warehouse), the sources that provide an',
      'element, the elements an indicator requires. Downstream: what a',
      'source feeds and provides, and so which indicators break if it is',
      'retired or changes vendor. Edges point the way data flow',
      '(`feeds`, `provides`, `requires`); each node has its distance from',
      'the start, and `truncated` says how many nodes the limit left out.',
    ].join(' '),
    attributes: { readOnly: true, idempotent: true },
    examples: [
      {
        title: 'Which indicators depend on a student information system',
        input: {
          entity: 'datasource:default/alder-creek-sis',
          direction: 'downstream',
          depth: 3,
          limit: 200,
        },
      },
    ],
    schema: {
      input: zod =>
        zod.object({
          entity: zod
            .string()
            .min(1)
            .describe(
              'A reference such as datasource:default/alder-creek-sis, dataelement:default/daily-attendance or indicator:default/chronic-absenteeism-rate, or a bare name',
            ),
          direction: zod
            .enum(['upstream', 'downstream', 'both'])
            .default('both'),
          depth: zod
            .number()
            .int()
            .min(1)
            .max(10)
            .default(3)
            .describe('How many hops to walk'),
          limit: zod
            .number()
            .int()
            .min(1)
            .max(1000)
            .default(200)
            .describe('The most nodes to return'),
        }),
      output: zod =>
        zod.object({
          root: zod.string(),
          direction: zod.enum(['upstream', 'downstream', 'both']),
          depth: zod.number(),
          limit: zod.number(),
          nodes: zod.array(
            zod.object({
              ref: zod.string(),
              kind: zod.enum(['datasource', 'dataelement', 'indicator']),
              title: zod.string(),
              district: zod.string().optional(),
              depth: zod.number().describe('Hops from the root'),
            }),
          ),
          edges: zod.array(
            zod.object({
              from: zod.string(),
              to: zod.string(),
              type: zod.enum(['feeds', 'provides', 'requires']),
              elements: zod
                .array(zod.string())
                .optional()
                .describe('For a feed: the elements along it, when known'),
              closesCycle: zod
                .boolean()
                .describe('Leads back to a node on its own path'),
            }),
          ),
          truncated: zod
            .number()
            .describe('How many further nodes the limit left out'),
        }),
    },
    action: async ({ input, credentials }) => {
      assertMayRead(auth, credentials);

      const root = await findLineageRoot(input.entity, readModel);
      const answer = await lineage.lineage(root, {
        direction: input.direction,
        depth: input.depth,
        limit: input.limit,
      });

      return {
        output: {
          ...answer,
          nodes: answer.nodes.map(({ district, ...node }) => ({
            ...node,
            ...(district ? { district } : {}),
          })),
        },
      };
    },
  });
}
