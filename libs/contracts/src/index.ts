export * from './lagesbild-document.js';
export * from './reporting.js';
