import type { Entity } from '@backstage/catalog-model';
import {
  DATA_CATALOG_API_VERSION,
  Grade,
  INDICATOR_KIND,
  IndicatorConstruct,
  IndicatorStage,
} from '../vocabulary';

/** A measure of personalized-learning access, participation or outcome. */
export interface IndicatorEntityV1alpha1 extends Entity {
  apiVersion: typeof DATA_CATALOG_API_VERSION;
  kind: typeof INDICATOR_KIND;
  spec: {
    owner: string;
    stage: IndicatorStage;
    construct: IndicatorConstruct;
    definition: string;
    calculation: string;
    unit?: string;
    /** Grades the indicator applies to; all grades when left out. */
    grades?: Grade[];
    /** Elements needed to compute the indicator. */
    requires: string[];
    /** Subgroup elements the indicator must be broken down by. */
    disaggregateBy?: string[];
  };
}

/** Tells whether an entity is an Indicator of this project's apiVersion. */
export function isIndicatorEntity(
  entity: Entity,
): entity is IndicatorEntityV1alpha1 {
  return (
    entity.apiVersion === DATA_CATALOG_API_VERSION &&
    entity.kind === INDICATOR_KIND
  );
}
