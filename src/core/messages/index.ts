/** The message catalogue: every user-facing text, in Japanese and English. */
export * from './format';
export * from './summary';
export * from './layout';
export * from './template';
