export * from './audit';
export * from './dossiers';
export * from './meta';
export * from './users';
