export * from './approvals';
export * from './audit';
export * from './departments';
export * from './dossiers';
export * from './meta';
export * from './users';
