export * from './actor.js';
export * from './decision.js';
export * from './policy.js';
