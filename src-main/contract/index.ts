export * from './bridge';
export * from './channels';
export * from './common';
export * from './errors';
export * from './evaluations';
export * from './events';
export * from './markers';
export * from './recordings';
export * from './result';
export * from './rubrics';
export * from './session';
export * from './staff';

