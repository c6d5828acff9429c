// The contract between server, widget and operator UI: types and pure helpers, no validation code.

export * from './admin.ts';
export * from './attachments.ts';
export type * from './availability.ts';
export * from './close-codes.ts';
export * from './commands.ts';
export * from './errors.ts';
export type * from './frames.ts';
export type * from './http.ts';
export type * from './inbox.ts';
export * from './labels.ts';
export * from './limits.ts';
export * from './mentions.ts';
export * from './origins.ts';
export * from './privacy.ts';
export type * from './model.ts';
export type * from './reports.ts';
export * from './suggest.ts';
export * from './template.ts';
export * from './visibility.ts';
