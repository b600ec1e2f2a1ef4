/** One page of a newsroom list, with what the app needs to offer the other pages. */
export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageCount: number;
}

export function pageOf<T>(
  items: T[],
  total: number,
  filter: { page: number; pageSize: number },
): PageOf<T> {
  return {
    items,
    total,
    page: filter.page,
    pageCount: Math.max(1, Math.ceil(total / filter.pageSize)),
  };
}
