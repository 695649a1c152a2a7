export * from './markdown.js';
export * from './personal-details.js';
