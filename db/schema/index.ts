export * from './approvals';
export * from './audit';
export * from './departments';
export * from './documents';
export * from './dossiers';
export * from './meta';
export * from './types';
export * from './users';
