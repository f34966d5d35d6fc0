export * from './detect-suspected';
export * from './list-actions';
export * from './adjusted-prices';
