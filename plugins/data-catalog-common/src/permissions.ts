import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The resource type of what owners write about: a data source (its
 * annotation and corrections) or a district (its indicator annotations and
 * action plan).
 */
export const DATA_CATALOG_SUBJECT_RESOURCE_TYPE = 'data-catalog-subject';

/**
 * Writing annotations, corrections and action items. Reading needs no
 * permission beyond being signed in.
 */
export const dataCatalogWritePermission = createPermission({
  name: 'data-catalog.subject.write',
  attributes: { action: 'update' },
  resourceType: DATA_CATALOG_SUBJECT_RESOURCE_TYPE,
});

/** Every permission of the data catalog. */
export const dataCatalogPermissions = [dataCatalogWritePermission];
