export * from './lagesbild-document.js';
export * from './reporting.js';
export * from './lagesbild.js';
export * from './identity.js';
export * from './free-text.js';
export * from './api-answers.js';
export * from './responses.js';
export * from './public-lagesbild.js';
