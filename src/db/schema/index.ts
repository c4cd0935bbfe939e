export * from './api-keys.js';
export * from './configurations.js';
export * from './daily-quota.js';
export * from './jobs.js';
export * from './usage-counts.js';
export * from './settings.js';
