export * from './roles.js';
export * from './errors.js';
export * from './forum.js';
export * from './moderation.js';
export * from './notifications.js';
export * from './cafe.js';
export * from './helplines.js';
export * from './web-routes.js';
