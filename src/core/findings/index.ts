export * from './catalogue';
export * from './finding';
export * from './render';
