/**
 * Workplace type (remote / hybrid / onsite) from schema.org values and en/de/fr/es text.
 * @module
 */
import type { WorkplaceType } from '@jobkit/core';

// Hybrid first: "Hybrid (remote 2 days)" mentions remote but is hybrid.
const HYBRID = /\bhybrid|\bhybride|\bh[ií]brid[oa]|\bpartially remote|\bpartly remote|\bflex(?:ible)? (?:work|office)|\bteilweise remote|\bremote[- ]first hybrid/i;
const REMOTE =
  /\bremote|\btelecommute|\btelework|\btélétravail|\bteletravail|\bteletrabajo|\bremoto|\ba distancia|\bà distance|\bwork(?:ing)? from (?:home|anywhere)|\bwfh\b|\bhome ?office|\bhomeoffice|\bmobiles arbeiten|\bfully distributed|\banywhere\b|\bfernarbeit|\bvirtual\b|\bdistributed team/i;
const ONSITE =
  /\bon[- ]?site|\bin[- ]office|\bin the office|\bin[- ]person|\boffice[- ]based|\bvor ort|\bpräsenz|\bpresencial|\bsur site|\ben présentiel|\bprésentiel|\bsur place|\ben la oficina|\bno remote|\bnot remote/i;

/**
 * Read a workplace type: "Hybrid (3 days)" → hybrid, "TELECOMMUTE" / "Télétravail" / "remoto" →
 * remote, "On-site" / "vor Ort" / "presencial" → onsite. `null` when the text says none of these.
 * Negations ("no remote", "not remote") read as onsite.
 */
export function parseWorkplaceType(text: string): WorkplaceType | null {
  const t = text.trim();
  if (!t) return null;
  if (/\b(?:no|not|non)[- ]remote\b|\bkein homeoffice/i.test(t)) return 'onsite';
  if (HYBRID.test(t)) return 'hybrid';
  if (REMOTE.test(t)) return 'remote';
  if (ONSITE.test(t)) return 'onsite';
  return null;
}
