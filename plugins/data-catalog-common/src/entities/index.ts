export * from './DataSourceEntityV1alpha1';
export * from './DataElementEntityV1alpha1';
export * from './IndicatorEntityV1alpha1';
