import { resolvePackagePath } from '@backstage/backend-plugin-api';
import fs from 'node:fs/promises';
import { parse } from 'yaml';

let document: Promise<object> | undefined;

/** The OpenAPI document of the plugin's routes, read once. */
export function loadOpenApiDocument(): Promise<object> {
  document ??= fs
    .readFile(
      resolvePackagePath(
        '@internal/plugin-data-catalog-backend',
        'src/schema/openapi.yaml',
      ),
      'utf8',
    )
    .then(text => parse(text));
  return document;
}
