import { runAnalyticsContract } from '../testing/analytics-contract.js';
import { createMemoryAnalytics } from './analytics.js';

runAnalyticsContract({ name: 'memory', create: () => createMemoryAnalytics() });
