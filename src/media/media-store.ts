/**
 * Where media files live. The embedded default is a folder under DATA_DIR; the reader site
 * serves it at /media/. (S3-compatible storage at scale implements the same two calls.)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';

export class LocalMediaStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Writes a file under a store key such as `demo/harbor-960.webp`. */
  async write(key: string, bytes: Buffer): Promise<void> {
    const file = resolve(this.root, key);
    if (!file.startsWith(this.root + sep)) throw new Error(`media key escapes the store: ${key}`);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, bytes);
  }
}
