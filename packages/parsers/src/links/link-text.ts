/**
 * What a link's text says: a careers site's own page ("Rewards & Benefits", "Life at Acme",
 * "Jobs in the U.S.") or a role ("Benefits Analyst", "Store Manager (m/w/d)"). URL shapes alone
 * cannot tell `/careers/total-rewards.aspx` from `/careers/store-manager.aspx`; the text can.
 * Internal to `links/`.
 * @module
 */

/** Words of the pages around a job list: benefits, culture, process, advice, lists of jobs. */
const SITE_PAGE_WORDS =
  /\b(?:benefits?|rewards?|perks|culture|values|diversity|inclusion|life at|working at|work at|why (?:join|work)|who we are|about|our (?:story|people|teams?|offices?|locations?)|how (?:to|we)|resumes?|cv|tips|advice|faq|faqs|hiring process|application process|recruitment process|learning|career (?:development|paths?|growth|search|opportunities|fairs?)|jobs? (?:in|around|at|by|search)|(?:all|our|current|open|search|browse|view|see|find) (?:jobs|positions|openings|vacancies|roles|opportunities)|students?|graduates?|early careers|alumni|events?|news|blog|contact|sign ?in|log ?in|register|privacy|cookies?|terms|impressum|datenschutz|karriere bei|arbeiten bei|leben bei|vorteile|unsere werte|avantages|nos valeurs|beneficios|nuestros valores)\b/i;

/** Words that name a role or a posting's own marks. */
const ROLE_WORDS =
  /\b(?:engineer|developer|manager|analyst|specialist|assistant|associate|technician|officer|director|coordinator|consultant|designer|architect|administrator|accountant|advisor|adviser|representative|clerk|operator|mechanic|electrician|teacher|lecturer|professor|researcher|scientist|nurse|physician|doctor|driver|intern|internship|trainee|apprentice|lead|head of|supervisor|executive|agent|recruiter|writer|editor|planner|buyer|cashier|chef|cook|cleaner|worker|programmer|tester|scrum|owner|partner|controller|auditor|lawyer|counsel|paralegal|pharmacist|therapist|instructor|tutor|coach|trainer|sales|support)\b|\((?:m|w|f|h|d|x|all)\s*\/\s*(?:m|w|f|h|d|x)(?:\s*\/\s*(?:m|w|f|h|d|x))?\)|\*in\b|innen\b/i;

/** True when `text` reads like a page of the careers site rather than a posting. */
export function readsLikeSitePage(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  return t !== '' && SITE_PAGE_WORDS.test(t) && !ROLE_WORDS.test(t);
}
