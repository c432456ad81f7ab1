import { jobkitBuild } from '../../tsup.shared';

// One entry per adapter so importing one never loads another's vendor SDK.
export default jobkitBuild({
  'postgres/index': 'src/postgres/index.ts',
  'clickhouse/index': 'src/clickhouse/index.ts',
  'search/typesense': 'src/search/typesense.ts',
  'search/embedded': 'src/search/embedded.ts',
  'broker/pubsub': 'src/broker/pubsub.ts',
  'fetch/http': 'src/fetch/http.ts',
});
