export * from './normalize.js';
export * from './watched-words.js';
export * from './helplines.js';
