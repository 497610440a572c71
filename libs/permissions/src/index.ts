export * from './roles.js';
export * from './actions.js';
export * from './actor.js';
export * from './subjects.js';
export * from './conditions.js';
export * from './matrix.js';
export * from './ability.js';
export * from './permissions-doc.js';
