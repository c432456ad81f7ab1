/**
 * Workplace type (remote / hybrid / onsite) from schema.org values and en/de/fr/es text.
 * @module
 */
import type { WorkplaceType } from '@jobkit/core';
import { requireString } from '../text-scan.js';

// Hybrid first: "Hybrid (remote 2 days)" mentions remote but is hybrid. Working from home that is
// only possible, partial, occasional or a number of days ("Homeoffice möglich", "Télétravail
// fréquent", "teilweise Homeoffice", "2 Tage Homeoffice", "remote days") is hybrid too. The
// away-from-the-office words are the same list in each branch (and in NO_REMOTE below).
const HYBRID =
  /\bhybrid|\bhybride|\bh[ií]brid[oa]|\bpartially remote|\bpartly remote|\bflex(?:ible)? (?:work|office)|\bteilweise remote|\bremote[- ]first hybrid|\b(?:home ?office|homeoffice|mobiles? arbeiten|remote|télétravail|teletravail|teletrabajo|trabajo remoto|work(?:ing)? from home|wfh|smart working|thuiswerken) ?(?:möglich|possible|optional|option|partiel(?:le)?|fréquent|occasionnel|ponctuel|régulier|parcial|ocasional|anteilig|tageweise|gelegentlich|days?)\b|\b(?:teilweise|anteilig|tageweise|gelegentlich|partial|partly|occasional|some|partiel|deels|gedeeltelijk) (?:home ?office|homeoffice|mobiles? arbeiten|remote|télétravail|teletravail|teletrabajo|trabajo remoto|work(?:ing)? from home|wfh|smart working|thuiswerken)|\b[1-4](?:[.,]5)? ?(?:days?|tage?n?|jours?|días?|dagen) (?:per week |pro woche |par semaine |por semana |a week )?(?:home ?office|homeoffice|mobiles? arbeiten|remote|télétravail|teletravail|teletrabajo|trabajo remoto|work(?:ing)? from home|wfh|smart working|thuiswerken)/i;
const REMOTE =
  /\bremote|\btelecommute|\btelework|\btélétravail|\bteletravail|\bteletrabajo|\bremoto|\ba distancia|\bà distance|\bwork(?:ing)? from (?:home|anywhere)|\bwfh\b|\bhome ?office|\bhomeoffice|\bmobiles arbeiten|\bfully distributed|\banywhere\b|\bfernarbeit|\bvirtual\b|\bdistributed team/i;
const ONSITE =
  /\bon[- ]?site|\bin[- ]office|\bin the office|\bin[- ]person|\boffice[- ]based|\bvor ort|\bpräsenz|\bpresencial|\bsur site|\ben présentiel|\bprésentiel|\bsur place|\ben la oficina|\bno remote|\bnot remote/i;
/**
 * No working from home at all: "no remote", "kein Homeoffice", "Télétravail non autorisé",
 * "pas de télétravail", "sin teletrabajo", "Homeoffice nicht möglich", "remote not possible".
 */
const NO_REMOTE =
  /\b(?:no|not|non)[- ]remote\b|\bkein(?:e|en)? (?:home ?office|homeoffice|mobiles? arbeiten|remote|télétravail|teletravail|teletrabajo|trabajo remoto|work(?:ing)? from home|wfh|smart working|thuiswerken)|\b(?:pas de|sans|sin|no) (?:home ?office|homeoffice|mobiles? arbeiten|remote|télétravail|teletravail|teletrabajo|trabajo remoto|work(?:ing)? from home|wfh|smart working|thuiswerken)|\b(?:home ?office|homeoffice|mobiles? arbeiten|remote|télétravail|teletravail|teletrabajo|trabajo remoto|work(?:ing)? from home|wfh|smart working|thuiswerken) ?(?:non autorisé|non possible|pas possible|nicht möglich|not (?:possible|available|allowed|offered)|no disponible|no posible)/i;

/**
 * Read a workplace type: "Hybrid (3 days)", "Homeoffice möglich", "Télétravail fréquent" →
 * hybrid; "TELECOMMUTE" / "Télétravail" / "remoto" → remote; "On-site" / "vor Ort" /
 * "presencial" → onsite. `null` when the text says none of these. Negations ("no remote",
 * "kein Homeoffice", "Télétravail non autorisé") read as onsite.
 */
export function parseWorkplaceType(text: string): WorkplaceType | null {
  requireString('parseWorkplaceType', text);
  const t = text.trim();
  if (!t) return null;
  if (NO_REMOTE.test(t)) return 'onsite';
  if (HYBRID.test(t)) return 'hybrid';
  if (REMOTE.test(t)) return 'remote';
  if (ONSITE.test(t)) return 'onsite';
  return null;
}
