export * from './layout';
export * from './formatValues';
export * from './write';
export * from './read';
