import { defineConfig } from 'drizzle-kit';

// `npm run db:generate -- --name <what-changed>` writes a named migration into db/migrations;
// migrations are committed and applied when an archive is opened.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  strict: true,
  verbose: true,
});
