// The event genres, in a module of their own: browser components (filters, admin forms) list
// them without pulling the catalog queries and Prisma into the client bundle.
export const GENRES = ['CONCERT', 'MUSICAL', 'THEATER', 'CLASSIC', 'SPORTS', 'EXHIBITION', 'FAMILY', 'OTHER'] as const;
export type Genre = (typeof GENRES)[number];
