/**
 * ATS detection barrel: the registry, per-platform definitions' shared types, page-signal
 * collection and detection entry points.
 * @module
 */
export { ATS_PLATFORM_IDS } from './types.js';
export type {
  AtsApiHints,
  AtsBoardClient,
  AtsCapabilities,
  AtsDefinition,
  AtsPageMatch,
  AtsPlatformId,
  AtsUrlMatch,
  AttributeSignal,
  LinkTagSignal,
  MetaSignal,
  PageSignals,
} from './types.js';
export { atsPlatforms, atsPlatformTable, getAtsPlatform } from './registry.js';
export type { AtsPlatformTableRow } from './registry.js';
export { collectPageSignals } from './signals.js';
export type { CollectPageSignalsOptions } from './signals.js';
export { detectAts, detectAtsFromSignals, detectAtsCandidates } from './detect.js';
export type { DetectAtsOptions } from './detect.js';
