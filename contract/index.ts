export * from './resolvers';
