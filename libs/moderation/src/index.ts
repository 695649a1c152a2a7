export * from './holding.js';
