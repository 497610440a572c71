export * from './lagesbild-document.js';
