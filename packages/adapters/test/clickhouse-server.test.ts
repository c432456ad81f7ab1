import { createClient } from '@clickhouse/client';
import { runAnalyticsContract } from '@jobkit/core/testing';
import { afterAll } from 'vitest';
import { createClickHouseAnalytics } from '../src/clickhouse/index.js';

const url = process.env.CLICKHOUSE_URL;
const client = url ? createClient({ url }) : undefined;
afterAll(async () => {
  await client?.close();
});

runAnalyticsContract({
  name: 'clickhouse-server',
  skip: url ? false : 'CLICKHOUSE_URL is not set',
  create: ({ namespace }) => createClickHouseAnalytics({ client: client!, database: `jobkit_test_${namespace}` }),
});
