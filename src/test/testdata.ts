/** Tests reach the shared third-party test data through here (see lib/testdata-path.ts). */
export { testdataPath } from '../lib/testdata-path.js';
