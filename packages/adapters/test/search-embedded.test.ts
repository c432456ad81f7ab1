import { runSearchIndexContract } from '@jobkit/core/testing';
import { createEmbeddedSearchIndex } from '@jobkit/adapters/embedded-search';

runSearchIndexContract({ name: 'embedded', create: () => createEmbeddedSearchIndex() });
