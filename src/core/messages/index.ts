/** The message catalogue: every user-facing text, in Japanese and English. */
export * from './format';
export * from './findings';
export * from './cli';
export * from './summary';
export * from './layout';
export * from './host';
export * from './pane';
export * from './template';
