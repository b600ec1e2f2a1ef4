import { hasColumn } from './migration.js';
import type { GalleyMigration, MigrationDb } from './migration.js';

/**
 * Videos in the media library (`media.kind = 'video'`): what ffprobe read (duration, codecs),
 * the poster (an ordinary image row, so cards, feeds and share tags use it like any image), and
 * the state of the background job that makes the web renditions. The renditions themselves go in
 * `variants`, like an image's (`video/mp4`, and the HLS playlist when made).
 */
export const addVideoMedia: GalleyMigration = () => ({
  async up(db: MigrationDb) {
    const columns: [
      string,
      (table: ReturnType<MigrationDb['schema']['alterTable']>) => { execute(): Promise<void> },
    ][] = [
      ['duration_ms', (t) => t.addColumn('duration_ms', 'integer')],
      ['video_codec', (t) => t.addColumn('video_codec', 'text')],
      ['audio_codec', (t) => t.addColumn('audio_codec', 'text')],
      [
        'poster_media_id',
        (t) =>
          t.addColumn('poster_media_id', 'integer', (c) =>
            c.references('media.id').onDelete('set null'),
          ),
      ],
      /** pending, processing, ready or failed; images are ready when stored. */
      [
        'processing_status',
        (t) => t.addColumn('processing_status', 'text', (c) => c.notNull().defaultTo('ready')),
      ],
      /** Whole percent, 0 to 100. */
      [
        'processing_progress',
        (t) => t.addColumn('processing_progress', 'integer', (c) => c.notNull().defaultTo(100)),
      ],
      /** Why processing failed, in words an editor can act on. */
      ['processing_error', (t) => t.addColumn('processing_error', 'text')],
    ];
    for (const [name, add] of columns) {
      if (!(await hasColumn(db, 'media', name))) await add(db.schema.alterTable('media')).execute();
    }
  },
});
