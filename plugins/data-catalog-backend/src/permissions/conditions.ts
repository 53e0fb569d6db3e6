import { createConditionExports } from '@backstage/plugin-permission-node';
import { isSubjectWriter } from './rules';
import { dataCatalogSubjectResourceRef } from './subjects';

const { conditions, createConditionalDecision } = createConditionExports({
  resourceRef: dataCatalogSubjectResourceRef,
  rules: { isSubjectWriter },
});

/** Conditions a permission policy can put on data catalog writes. */
export const dataCatalogConditions = conditions;

/** Builds a conditional decision on a data catalog permission. */
export const createDataCatalogConditionalDecision = createConditionalDecision;
