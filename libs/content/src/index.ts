export * from './markdown.js';
export * from './personal-details.js';
export * from './search-text.js';
export * from './names.js';
