import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { dataCatalogWritePermission } from '@internal/plugin-data-catalog-common';
import { PolicyDecision } from '@backstage/plugin-permission-common';
import { DataCatalogSubject } from '../permissions';
import express from 'express';
import Router from 'express-promise-router';
import { OwnersStore } from '../database/OwnersStore';
import { ReadModelStore } from '../database/ReadModelStore';
import { SubjectResolver } from '../permissions';
import { historyQuery, noQuery, writeAccessQuery } from './queries';
import {
  actionChangeBody,
  indicatorAnnotationBody,
  newActionBody,
  sourceAnnotationBody,
} from './schemas';
import { parseInput, refParam, refQuery } from './validation';

/** The finished parts the owners' routes work with. */
export interface OwnerRoutesOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  readModel: ReadModelStore;
  owners: OwnersStore;
  subjects: SubjectResolver;
  /** Applies a conditional decision of the policy to a subject. */
  isAuthorized: (
    decision: PolicyDecision,
    subject: DataCatalogSubject | undefined,
  ) => boolean;
  /**
   * Called after each annotation write with its district, to record how
   * the district's gaps changed. The write stands even if this fails.
   */
  onWrite?: (district: string) => Promise<void>;
}

/** Routes for annotations, corrections, action items and their history. */
export function createOwnerRoutes(options: OwnerRoutesOptions): express.Router {
  const { httpAuth, permissions, readModel, owners, subjects } = options;
  const router = Router();

  /**
   * Whether the caller may write about a subject. The policy's conditions
   * are applied here, to the subject loaded from the read model, rather than
   * by a call back from the permission backend.
   */
  async function mayWrite(
    credentials: Awaited<ReturnType<HttpAuthService['credentials']>>,
    subject: DataCatalogSubject | undefined,
  ): Promise<boolean> {
    const [decision] = await permissions.authorizeConditional(
      [{ permission: dataCatalogWritePermission }],
      { credentials },
    );
    return options.isAuthorized(decision, subject);
  }

  /**
   * Lets the write through for a signed-in user the policy allows, and
   * otherwise says who may write, so the portal can explain read-only views.
   */
  async function requireWriter(
    req: express.Request,
    subjectRef: string,
  ): Promise<string> {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const [subject] = await subjects.resolve([subjectRef]);
    if (!(await mayWrite(credentials, subject))) {
      const writers = subject?.writers.join(' or ') || 'nobody yet';
      throw new NotAllowedError(
        `Only members of ${writers} may change ${subjectRef}`,
      );
    }
    return credentials.principal.userEntityRef;
  }

  async function sourceOf(namespace: string, name: string) {
    const ref = refParam(`${namespace}/${name}`, 'datasource', 'name');
    const [source] = await readModel.getSources({ refs: [ref] });
    if (!source) {
      throw new NotFoundError(`No data source ${ref} in the catalog`);
    }
    return source;
  }

  async function districtOf(value: string) {
    const ref = refParam(value, 'group', 'district');
    const district = (await readModel.listDistricts()).find(
      d => d.ref === ref && d.type === 'district',
    );
    if (!district) {
      throw new NotFoundError(`No district ${ref} in the catalog`);
    }
    return district;
  }

  async function indicatorOf(value: string, field: string, inBody: boolean) {
    const ref = inBody
      ? bodyRef(value, 'indicator', field)
      : refParam(value, 'indicator', field);
    const indicator = (await readModel.listIndicators()).find(
      i => i.ref === ref,
    );
    if (!indicator) {
      const message = `No indicator ${ref} in the catalog`;
      throw inBody
        ? new InputError(`Invalid request body: body.${field}: ${message}`)
        : new NotFoundError(message);
    }
    return indicator;
  }

  const afterWrite = async (district: string) => {
    await options.onWrite?.(district);
  };

  // A source's annotation: notes, checks and availability corrections.
  router.get('/annotations/sources/:namespace/:name', async (req, res) => {
    parseInput(noQuery, req.query, 'query');
    const source = await sourceOf(req.params.namespace, req.params.name);
    res.json(
      await owners.getAnnotation({
        kind: 'source',
        subject: source.ref,
        district: source.district,
      }),
    );
  });

  router.put('/annotations/sources/:namespace/:name', async (req, res) => {
    parseInput(noQuery, req.query, 'query');
    const source = await sourceOf(req.params.namespace, req.params.name);
    const body = parseInput(sourceAnnotationBody, req.body, 'body');
    const by = await requireWriter(req, source.ref);

    const provided = new Set(source.provides.map(p => p.element));
    const corrections = (body.corrections ?? []).map((correction, i) => {
      const element = bodyRef(
        correction.element,
        'dataelement',
        `body.corrections.${i}.element`,
      );
      if (!provided.has(element)) {
        throw new InputError(
          `Invalid request body: body.corrections.${i}.element: ${element} is not provided by ${source.ref}`,
        );
      }
      return { ...correction, element };
    });

    const saved = await owners.putAnnotation(
      { kind: 'source', subject: source.ref, district: source.district },
      { ...body, corrections },
      by,
    );
    await afterWrite(source.district);
    res.json(saved);
  });

  // An indicator's annotation in one district.
  router.get(
    '/annotations/indicators/:namespace/:name/districts/:district',
    async (req, res) => {
      parseInput(noQuery, req.query, 'query');
      const indicator = await indicatorOf(
        `${req.params.namespace}/${req.params.name}`,
        'name',
        false,
      );
      const district = await districtOf(req.params.district);
      res.json(
        await owners.getAnnotation({
          kind: 'indicator',
          subject: indicator.ref,
          district: district.ref,
        }),
      );
    },
  );

  router.put(
    '/annotations/indicators/:namespace/:name/districts/:district',
    async (req, res) => {
      parseInput(noQuery, req.query, 'query');
      const indicator = await indicatorOf(
        `${req.params.namespace}/${req.params.name}`,
        'name',
        false,
      );
      const district = await districtOf(req.params.district);
      const body = parseInput(indicatorAnnotationBody, req.body, 'body');
      const by = await requireWriter(req, district.ref);

      const saved = await owners.putAnnotation(
        { kind: 'indicator', subject: indicator.ref, district: district.ref },
        body,
        by,
      );
      await afterWrite(district.ref);
      res.json(saved);
    },
  );

  // Every annotation in a district.
  router.get('/districts/:district/annotations', async (req, res) => {
    parseInput(noQuery, req.query, 'query');
    const district = await districtOf(req.params.district);
    res.json({ items: await owners.listAnnotations(district.ref) });
  });

  // A district's action plan.
  router.get('/districts/:district/actions', async (req, res) => {
    parseInput(noQuery, req.query, 'query');
    const district = await districtOf(req.params.district);
    res.json({ items: await owners.listActionItems(district.ref) });
  });

  router.post('/districts/:district/actions', async (req, res) => {
    parseInput(noQuery, req.query, 'query');
    const district = await districtOf(req.params.district);
    const body = parseInput(newActionBody, req.body, 'body');
    const indicator = await indicatorOf(body.indicator, 'indicator', true);
    const element = body.element
      ? bodyRef(body.element, 'dataelement', 'element')
      : undefined;
    if (
      element &&
      ![...indicator.requires, ...indicator.disaggregateBy].includes(element)
    ) {
      throw new InputError(
        `Invalid request body: body.element: ${element} is not an element ${indicator.ref} needs`,
      );
    }
    const owner = bodyRef(body.owner, 'user', 'owner');
    const by = await requireWriter(req, district.ref);

    const item = await owners.createActionItem(
      {
        ...body,
        district: district.ref,
        indicator: indicator.ref,
        element,
        owner,
      },
      by,
    );
    res.status(201).json(item);
  });

  router.get('/actions/:id', async (req, res) => {
    parseInput(noQuery, req.query, 'query');
    res.json(await owners.getActionItem(req.params.id));
  });

  router.patch('/actions/:id', async (req, res) => {
    parseInput(noQuery, req.query, 'query');
    const body = parseInput(actionChangeBody, req.body, 'body');
    const item = await owners.getActionItem(req.params.id);
    const by = await requireWriter(req, item.district);
    const owner = body.owner ? bodyRef(body.owner, 'user', 'owner') : undefined;

    res.json(
      await owners.updateActionItem(
        req.params.id,
        { ...body, ...(owner && { owner }) },
        by,
      ),
    );
  });

  // Who changed what, newest first.
  router.get('/history', async (req, res) => {
    const query = parseInput(historyQuery, req.query, 'query');
    const district = query.district
      ? refQuery(query.district, 'group', 'district')
      : undefined;
    res.json({ items: await owners.listHistory({ ...query, district }) });
  });

  // Whether the signed-in user may write about a subject, and who may.
  router.get('/write-access', async (req, res) => {
    const { subject } = parseInput(writeAccessQuery, req.query, 'query');
    // A bare name could be a source or a district: ask for the kind.
    if (!subject.includes(':')) {
      throw new InputError(
        `Invalid request query: query.subject: "${subject}" needs its kind, as in datasource:default/${subject} or group:default/${subject}`,
      );
    }
    const [resolved] = await subjects.resolve([
      subject.toLocaleLowerCase('en-US'),
    ]);
    if (!resolved) {
      throw new NotFoundError(`No data source or district ${subject}`);
    }
    // Writes are for users only, so a service is told it may not write.
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json({
      subject: resolved.ref,
      allowed:
        credentials.principal.type === 'user' &&
        (await mayWrite(credentials, resolved)),
      writers: resolved.writers,
    });
  });

  return router;
}

/** Reads an entity reference from a body field, naming the field if bad. */
function bodyRef(value: string, kind: string, field: string): string {
  try {
    return refParam(value, kind, field);
  } catch {
    throw new InputError(
      `Invalid request body: body.${field}: "${value}" is not a ${kind} name or reference`,
    );
  }
}
