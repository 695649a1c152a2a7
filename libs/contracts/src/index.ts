export * from './roles.js';
export * from './errors.js';
export * from './cafe.js';
export * from './audit.js';
