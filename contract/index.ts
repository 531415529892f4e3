export * from './resolvers';
export * from './report';
