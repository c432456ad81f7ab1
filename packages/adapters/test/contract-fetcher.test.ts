/**
 * The fetcher contract on the HTTP fetcher, against a node:http server on 127.0.0.1 serving the
 * contract routes (retries, robots.txt and rate limits off: the suite checks single exchanges).
 */

import { createHttpFetcher } from '@jobkit/adapters/http';
import { runFetcherContract, serveFetcherContractRoutes } from '@jobkit/core/testing';

runFetcherContract({
  name: 'http',
  create: async (routes) => {
    const server = await serveFetcherContractRoutes(routes);
    const fetcher = createHttpFetcher({
      robots: false,
      retries: 0,
      allowPrivateNetworks: ['127.0.0.1/32'],
      hostRequestsPerSecond: Number.POSITIVE_INFINITY,
    });
    return { fetcher, origin: server.origin, close: server.close };
  },
});
