import { defineConfig } from 'prisma/config';

// Only `prisma generate` is run through the Prisma CLI here: migrations are created and applied by our own
// offline runner (lib/server/migrations), because the CLI's native schema engine cannot be downloaded on
// every machine. See README "Database migrations".
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
