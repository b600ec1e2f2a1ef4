/**
 * The dashboard's tables share one shape: a caption, a header row of column headers, one row per
 * item, figures right-aligned. Each table names its columns and how a row fills them.
 */
import type { ReactNode } from 'react';
import { Link } from '../components/Link.tsx';
import { useI18n } from '../i18n/index.tsx';

export interface FiguresColumn<Row> {
  /** The column's header; also its React key, so unique within a table. */
  header: string;
  /** A figure: right-aligned, header and cells alike. */
  isNumber?: boolean;
  /** The cell names its row: a row header (`<th scope="row">`) instead of a plain cell. */
  isRowHeader?: boolean;
  cell: (row: Row) => ReactNode;
}

export function FiguresTable<Row>({
  className,
  caption,
  isCaptionVisible = false,
  columns,
  rows,
  rowKey,
}: {
  className: string;
  caption: string;
  /** Hidden by default: the section's heading already says it to sighted readers. */
  isCaptionVisible?: boolean;
  columns: readonly FiguresColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
}) {
  return (
    <div className="table-wrap">
      <table className={className}>
        <caption className={isCaptionVisible ? undefined : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.header}
                scope="col"
                className={column.isNumber ? 'number' : undefined}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) =>
                column.isRowHeader ? (
                  <th key={column.header} scope="row">
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.header} className={column.isNumber ? 'number' : undefined}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A story's link to its editor, in its own language; a deleted story is named by its id. */
export function StoryLink({
  story,
}: {
  story: { articleId: number; headline: string | null; locale: string };
}) {
  const { t } = useI18n();
  return (
    <Link to={`/articles/${story.articleId}`} lang={story.locale}>
      {story.headline ?? t('analyticsGoneArticle', { id: story.articleId })}
    </Link>
  );
}
