export * from './actor.js';
export * from './decision.js';
export * from './forum-facts.js';
export * from './policy.js';
export * from './moderation-facts.js';
