/**
 * The ordered ATS registry. Order breaks confidence ties (roughly by prevalence), so a more
 * common platform wins an otherwise equal page. Adding an ATS: one file, one line here.
 * @module
 */
import { ashby } from './ashby.js';
import { bamboohr } from './bamboohr.js';
import { breezy } from './breezy.js';
import { comeet } from './comeet.js';
import { dover } from './dover.js';
import { eightfold } from './eightfold.js';
import { freshteam } from './freshteam.js';
import { gem } from './gem.js';
import { greenhouse } from './greenhouse.js';
import { homerun } from './homerun.js';
import { icims } from './icims.js';
import { jazzhr } from './jazzhr.js';
import { jobvite } from './jobvite.js';
import { join } from './join.js';
import { lever } from './lever.js';
import { manatal } from './manatal.js';
import { oraclecloud } from './oraclecloud.js';
import { personio } from './personio.js';
import { pinpoint } from './pinpoint.js';
import { polymer } from './polymer.js';
import { recruitee } from './recruitee.js';
import { rippling } from './rippling.js';
import { smartrecruiters } from './smartrecruiters.js';
import { successfactors } from './successfactors.js';
import { taleo } from './taleo.js';
import { teamtailor } from './teamtailor.js';
import { trakstar } from './trakstar.js';
import { workable } from './workable.js';
import { workday } from './workday.js';
import { zohorecruit } from './zohorecruit.js';
import type { AtsDefinition, AtsPlatformId } from './types.js';

/** Every supported ATS, in tie-break order. */
export const atsPlatforms: readonly AtsDefinition[] = Object.freeze([
  greenhouse,
  workday,
  smartrecruiters,
  lever,
  icims,
  ashby,
  successfactors,
  jobvite,
  dover,
  workable,
  jazzhr,
  bamboohr,
  teamtailor,
  taleo,
  personio,
  pinpoint,
  oraclecloud,
  recruitee,
  breezy,
  rippling,
  comeet,
  homerun,
  join,
  gem,
  polymer,
  trakstar,
  zohorecruit,
  freshteam,
  manatal,
  eightfold,
]);

/**
 * Host suffixes of the built-in definitions (see {@link AtsDefinition.hosts}), read off each
 * `matchUrl`. Greenhouse (`?gh_jid=`), Ashby (`?ashby_jid=`) and Oracle (`oraclecloudN.com`)
 * match beyond fixed suffixes and are always tried. A definition's own `hosts` wins.
 */
const BUILTIN_HOSTS: Partial<Record<AtsPlatformId, readonly string[]>> = {
  workday: ['myworkdayjobs.com', 'myworkdaysite.com'],
  smartrecruiters: ['smartrecruiters.com'],
  lever: ['lever.co'],
  icims: ['icims.com'],
  successfactors: ['successfactors.com', 'successfactors.eu'],
  jobvite: ['jobvite.com'],
  dover: ['dover.com', 'dover.io'],
  workable: ['workable.com'],
  jazzhr: ['jazz.co', 'applytojob.com'],
  bamboohr: ['bamboohr.com', 'bamboohr.co.uk'],
  teamtailor: ['teamtailor.com'],
  taleo: ['taleo.net'],
  personio: ['personio.de', 'personio.com'],
  pinpoint: ['pinpointhq.com'],
  recruitee: ['recruitee.com'],
  breezy: ['breezy.hr'],
  rippling: ['rippling.com'],
  comeet: ['comeet.com', 'comeet.co'],
  homerun: ['homerun.co'],
  join: ['join.com'],
  gem: ['gem.com'],
  polymer: ['polymer.co'],
  trakstar: ['trakstar.com', 'recruiterbox.com'],
  zohorecruit: ['zohorecruit.com', 'zohorecruit.eu', 'zohorecruit.in', 'zohorecruit.com.au', 'zohorecruit.jp', 'zohorecruit.com.cn'],
  freshteam: ['freshteam.com'],
  manatal: ['careers-page.com', 'manatal.com'],
  eightfold: ['eightfold.ai'],
};

/**
 * Host suffixes outside which `def.matchUrl` never matches, or `undefined` when it may match
 * any host. Built-in definitions fall back to the table above; a user's definition that only
 * reuses a built-in id does not.
 */
export function atsHostsOf(def: AtsDefinition): readonly string[] | undefined {
  if (def.hosts !== undefined) return def.hosts;
  return atsPlatforms.includes(def) ? BUILTIN_HOSTS[def.id] : undefined;
}

/** The definition for a platform id, or `undefined` for an unknown id. */
export function getAtsPlatform(id: string): AtsDefinition | undefined {
  return atsPlatforms.find((p) => p.id === id);
}

/** One row of the docs support table. */
export interface AtsPlatformTableRow {
  id: AtsPlatformId;
  name: string;
  website: string | null;
  /** Hosted board / job URLs recognised. */
  url: boolean;
  /** Recognised on a company's own page beyond plain links (embed, widget global, asset host). */
  embed: boolean;
  /** A public no-auth list endpoint is known (`boardApiUrl`). */
  boardApi: boolean;
}

/** Support table for the docs, sorted by id so diffs stay stable. */
export function atsPlatformTable(): AtsPlatformTableRow[] {
  return atsPlatforms
    .map((p) => ({
      id: p.id,
      name: p.name,
      website: p.website ?? null,
      url: p.detects.url,
      embed: p.detects.embed,
      boardApi: p.detects.boardApi,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}
