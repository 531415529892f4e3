export * from './resolvers';
export * from './report';
export * from './settings';
export * from './sync';
export * from './client-report';
