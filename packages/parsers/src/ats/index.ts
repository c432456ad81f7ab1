/**
 * ATS detection barrel: the registry, per-platform definitions' shared types, page-signal
 * collection and detection entry points.
 * @module
 */

export type { AtsDefinitionInput } from './define.js';
export { atsCanonicalUrlRules, defineAts } from './define.js';
export type { DetectAtsOptions } from './detect.js';
export { detectAts, detectAtsCandidates, detectAtsFromSignals } from './detect.js';
export type { AtsPlatformId, AtsPlatformTableRow } from './registry.js';
export { ATS_PLATFORM_IDS, atsPlatforms, atsPlatformTable, getAtsPlatform } from './registry.js';
export type { CollectPageSignalsOptions } from './signals.js';
export { collectPageSignals } from './signals.js';
export type {
  AtsApiHints,
  AtsBoardClient,
  AtsCanonicalUrl,
  AtsCapabilities,
  AtsDefinition,
  AtsPageMatch,
  AtsUrlMatch,
  AttributeSignal,
  LinkTagSignal,
  MetaSignal,
  PageSignals,
} from './types.js';
