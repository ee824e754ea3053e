// What the seed scripts share: the error they throw, and what each seed
// catalog says that its page does not (its name, where it is published, its
// wire dialect when no example body on the page shows it).
export class SeedError extends Error {
  override name = 'SeedError' as const;
}

export interface SeedCatalog {
  /** File name prefix in the seeds folder. */
  readonly prefix: string;
  readonly name: string;
  readonly title: string;
  readonly docs: string;
  readonly dialect: string;
  /** The page's introduction is not a description of the API (flags: it opens with its error schema). */
  readonly noDescription?: boolean;
}

export const SEED_CATALOGS: readonly SeedCatalog[] = [
  {
    prefix: '000_',
    name: 'barekey',
    title: 'Barekey error code reference',
    docs: 'https://docs.example.com/barekey/errors',
    dialect: 'barekey',
  },
  {
    prefix: '001_',
    name: 'clerk',
    title: 'Clerk Backend API errors',
    docs: 'https://clerk.com/docs/errors/backend-api',
    dialect: 'clerk',
  },
  {
    prefix: '002_',
    name: 'sitescore',
    title: 'Sitescore API errors',
    docs: 'https://docs.example.com/sitescore/errors',
    dialect: 'problem',
  },
  {
    prefix: '003_',
    name: 'flags',
    title: 'Flags API errors',
    docs: 'https://docs.example.com/flags/errors',
    dialect: 'simple',
    noDescription: true,
  },
  {
    prefix: '004_',
    name: 'authos',
    title: 'AuthOS error codes reference',
    docs: 'https://docs.example.com/authos/errors',
    dialect: 'authos',
  },
];
