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
