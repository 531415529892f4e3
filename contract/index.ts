export * from './resolvers';
export * from './report';
export * from './settings';
export * from './sync';
