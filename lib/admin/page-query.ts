// Offset paging shared by the admin lists: page numbers from the query string, 25 rows a page,
// at most 100. Each list orders by a unique key last (id), so a page never repeats or skips a row
// that was there when the previous page was read.
import { z } from 'zod';

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type PageQuery = z.infer<typeof PageQuery>;

export type Paged<Row> = { rows: Row[]; total: number; page: number; pageSize: number };

/** A search box's text: trimmed, empty means no search. */
export const SearchText = z.string().trim().max(200).optional().transform((q) => (q ? q : undefined));
