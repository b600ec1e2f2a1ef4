/** The distribution screens, one lazily loaded chunk (see App.tsx). */
export { ContentKeys } from './ContentKeys.tsx';
export { NinjsImport } from './NinjsImport.tsx';
export { Webhooks } from './Webhooks.tsx';
