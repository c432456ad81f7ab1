/**
 * `jobReader`: the parsers bundled as the core pipeline's `JobReader` dependency, so
 * `createPipeline({ reader: jobReader, … })` works without core importing parsers.
 * @module
 */
import type { JobReader } from '@jobkit/core';
import { detectAts } from './ats/detect.js';
import { listBoardJobs } from './boards/list.js';
import { extractJobLinks } from './links/index.js';
import { parseJobPage } from './parse-job-page.js';

/** Detection, page parsing, link extraction and board APIs, as the pipeline and workers use them. */
export const jobReader: JobReader = {
  detectAts,
  parseJobPage,
  extractJobLinks,
  listBoardJobs: (board, options) => listBoardJobs(board, options),
};
