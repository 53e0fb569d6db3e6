// swagger-parser is in node_modules as a dependency of
// @backstage/backend-openapi-utils; it belongs in this package's
// devDependencies.
import SwaggerParser from '@apidevtools/swagger-parser';
import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { z } from 'zod';
import { createRouter, RouterOptions } from '../service/router';
import {
  comparisonQuery,
  districtGapsQuery,
  historyQuery,
  lineageQuery,
  noQuery,
  statusChangesQuery,
  writeAccessQuery,
} from '../service/queries';
import {
  actionChangeBody,
  indicatorAnnotationBody,
  newActionBody,
  sourceAnnotationBody,
} from '../service/schemas';

type Json = any;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'];

const text = fs.readFileSync(path.join(__dirname, 'openapi.yaml'), 'utf8');
const document: Json = parse(text);

/** Every "METHOD /path" the document describes, with `{param}` paths. */
function documentedOperations(doc: Json): string[] {
  return Object.entries(doc.paths as Record<string, Json>).flatMap(
    ([route, item]) =>
      METHODS.filter(method => item[method]).map(
        method => `${method.toUpperCase()} ${route}`,
      ),
  );
}

/**
 * Every "METHOD /path" an express router registers, walking nested routers,
 * with express's `:param` written `{param}`.
 */
function registeredOperations(router: Json, prefix = ''): string[] {
  const found: string[] = [];
  for (const layer of router.stack) {
    if (layer.route) {
      if (typeof layer.route.path !== 'string') {
        throw new Error(`Cannot document route ${String(layer.route.path)}`);
      }
      const route = `${prefix}${layer.route.path}`.replace(/:(\w+)/g, '{$1}');
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (on && method !== '_all') {
          found.push(`${method.toUpperCase()} ${route}`);
        }
      }
    } else if (layer.handle?.stack) {
      // Only routers mounted at the root are expected; anything else would
      // need its mount path read back from the layer's regexp.
      if (!layer.regexp?.fast_slash) {
        throw new Error(`A nested router is mounted below ${layer.regexp}`);
      }
      found.push(...registeredOperations(layer.handle, prefix));
    }
  }
  return found;
}

/** Calls visit on every object in the document, with its JSON pointer. */
function walk(
  node: Json,
  visit: (value: Json, pointer: string) => void,
  pointer = '#',
) {
  if (node && typeof node === 'object') {
    visit(node, pointer);
    for (const [key, value] of Object.entries(node)) {
      walk(
        value,
        visit,
        `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      );
    }
  }
}

function resolvePointer(doc: Json, ref: string): Json {
  if (!ref.startsWith('#/')) {
    return undefined;
  }
  return ref
    .slice(2)
    .split('/')
    .map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((at: Json, part) => (at === undefined ? undefined : at[part]), doc);
}

function deref(doc: Json, value: Json): Json {
  return value?.$ref ? resolvePointer(doc, value.$ref) : value;
}

describe('openapi.yaml', () => {
  it('is a valid OpenAPI 3.0 document', async () => {
    expect(document.openapi).toMatch(/^3\.0\.\d+$/);
    // swagger-parser changes what it validates in place.
    await expect(
      SwaggerParser.validate(structuredClone(document)),
    ).resolves.toBeDefined();
  });

  it('has no $ref that points nowhere', () => {
    const broken: string[] = [];
    walk(document, (value, pointer) => {
      if (typeof value.$ref === 'string') {
        if (resolvePointer(document, value.$ref) === undefined) {
          broken.push(`${pointer}: ${value.$ref}`);
        }
      }
    });
    expect(broken).toEqual([]);
  });

  it('declares each path parameter of each template, and no others', () => {
    const problems: string[] = [];
    for (const [route, item] of Object.entries(
      document.paths as Record<string, Json>,
    )) {
      const inTemplate = [...route.matchAll(/\{(\w+)\}/g)].map(m => m[1]);
      for (const method of METHODS.filter(m => item[m])) {
        const parameters = [
          ...(item.parameters ?? []),
          ...(item[method].parameters ?? []),
        ].map(p => deref(document, p));
        const declared = parameters
          .filter(p => p.in === 'path')
          .map(p => p.name as string);
        for (const name of inTemplate) {
          if (!declared.includes(name)) {
            problems.push(`${method} ${route}: {${name}} is not declared`);
          }
        }
        for (const name of declared) {
          if (!inTemplate.includes(name)) {
            problems.push(`${method} ${route}: ${name} is not in the path`);
          }
        }
        for (const p of parameters.filter(q => q.in === 'path')) {
          if (p.required !== true) {
            problems.push(`${method} ${route}: ${p.name} must be required`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives each operation a unique operationId', () => {
    const ids = Object.values(document.paths as Record<string, Json>).flatMap(
      item => METHODS.filter(m => item[m]).map(m => item[m].operationId),
    );
    expect(ids.every(id => typeof id === 'string')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('describes every parameter and every schema property', () => {
    const missing: string[] = [];
    walk(document, (value, pointer) => {
      if (
        (value.in === 'path' || value.in === 'query') &&
        typeof value.name === 'string' &&
        !value.description
      ) {
        missing.push(pointer);
      }
      if (value.type === 'object' && value.properties) {
        for (const [name, property] of Object.entries(
          value.properties as Record<string, Json>,
        )) {
          if (!property.description) {
            missing.push(`${pointer}/properties/${name}`);
          }
        }
        for (const name of value.required ?? []) {
          if (!(name in value.properties)) {
            missing.push(`${pointer}/required/${name} has no property`);
          }
        }
      }
    });
    expect(missing).toEqual([]);
  });

  it('answers every error with the shared Error schema', () => {
    const problems: string[] = [];
    for (const [route, item] of Object.entries(
      document.paths as Record<string, Json>,
    )) {
      for (const method of METHODS.filter(m => item[m])) {
        for (const [status, response] of Object.entries(
          item[method].responses as Record<string, Json>,
        )) {
          if (Number(status) >= 400) {
            const schema = deref(document, response).content?.[
              'application/json'
            ]?.schema;
            if (schema?.$ref !== '#/components/schemas/Error') {
              problems.push(`${method} ${route} ${status}`);
            }
          }
        }
        if (!item[method].responses['401']) {
          problems.push(`${method} ${route} has no 401`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  describe('matches the zod schemas of the routes', () => {
    function fieldsOf(schema: z.ZodObject) {
      return {
        keys: Object.keys(schema.shape).sort(),
        required: Object.entries(schema.shape)
          .filter(([, field]) => !(field as z.ZodType).isOptional())
          .map(([key]) => key)
          .sort(),
      };
    }

    it.each([
      ['SourceAnnotationWrite', sourceAnnotationBody],
      ['IndicatorAnnotationWrite', indicatorAnnotationBody],
      ['NewActionItem', newActionBody],
      ['ActionItemChange', actionChangeBody],
    ] as const)('body %s', (name, schema) => {
      const documented = document.components.schemas[name];
      expect(documented.additionalProperties).toBe(false);
      expect({
        keys: Object.keys(documented.properties).sort(),
        required: [...(documented.required ?? [])].sort(),
      }).toEqual(fieldsOf(schema));
    });

    it('body corrections', () => {
      const item =
        document.components.schemas.SourceAnnotationWrite.properties.corrections
          .items;
      const zodItem = (
        sourceAnnotationBody.shape.corrections.unwrap() as z.ZodArray<z.ZodObject>
      ).element;
      expect(item.additionalProperties).toBe(false);
      expect({
        keys: Object.keys(item.properties).sort(),
        required: [...item.required].sort(),
      }).toEqual(fieldsOf(zodItem));
    });

    // The routes that take query parameters; every other takes none.
    const queries: Record<string, z.ZodObject> = {
      'GET /districts/{district}/gaps': districtGapsQuery,
      'GET /indicators/{indicator}/status-changes': statusChangesQuery,
      'GET /elements/comparison': comparisonQuery,
      'GET /lineage/{kind}/{namespace}/{name}': lineageQuery,
      'GET /history': historyQuery,
      'GET /write-access': writeAccessQuery,
    };

    it('names only documented operations among those with a query', () => {
      const documented = documentedOperations(document);
      expect(
        Object.keys(queries).filter(op => !documented.includes(op)),
      ).toEqual([]);
    });

    it.each(documentedOperations(document))('query of %s', operation => {
      const [method, route] = operation.split(' ');
      const item = document.paths[route];
      const parameters: Json[] = [
        ...(item.parameters ?? []),
        ...(item[method.toLowerCase()].parameters ?? []),
      ]
        .map((p: Json) => deref(document, p))
        .filter((p: Json) => p.in === 'query');
      expect({
        keys: parameters.map(p => p.name).sort(),
        required: parameters
          .filter(p => p.required)
          .map(p => p.name)
          .sort(),
      }).toEqual(fieldsOf(queries[operation] ?? noQuery));
    });
  });

  it('says of every operation that an unknown query parameter gives 400', () => {
    const silent = documentedOperations(document).filter(operation => {
      const [method, route] = operation.split(' ');
      const response = deref(
        document,
        document.paths[route][method.toLowerCase()].responses['400'],
      );
      return !/unknown query parameter \(`query\.<name>`\)/.test(
        response?.description?.replace(/\s+/g, ' ') ?? '',
      );
    });
    expect(silent).toEqual([]);
  });
});

describe('the router and openapi.yaml', () => {
  // The routes are only registered here, never called, so the services
  // behind them can be left out.
  const options = {} as RouterOptions;

  it('document every route the router registers, and nothing else', async () => {
    const router = await createRouter(options);
    const registered = registeredOperations(router).sort();
    const documented = documentedOperations(document).sort();

    expect(registered.length).toBeGreaterThan(0);
    expect(registered.filter(op => !documented.includes(op))).toEqual([]);
    expect(documented.filter(op => !registered.includes(op))).toEqual([]);
  });

  it('serves the document at /openapi.json', async () => {
    const app = express().use(await createRouter(options));
    const res = await request(app).get('/openapi.json');

    expect(res.status).toBe(200);
    expect(res.body).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
