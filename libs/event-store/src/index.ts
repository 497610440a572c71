export * from './event.js';
export * from './expected-version.js';
export * from './errors.js';
export * from './event-store.js';
export * from './sql/sql-database.js';
