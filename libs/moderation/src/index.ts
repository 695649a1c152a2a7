export * from './flags.js';
export * from './holding.js';
export * from './queue.js';
export * from './standing.js';
