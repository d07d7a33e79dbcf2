import type { Core } from '@strapi/strapi';
import type { JOB } from '../../jobs/names';
import type { JobHandler } from '../../jobs/queue';
import { parseInput } from '../../validation/parse';
import { runImport } from '../run';
import { importJobSchema } from '../validation';

/** One run of a candidate import (its state says dry run or import). */
export const createCandidateImportHandler =
  (strapi: Core.Strapi): JobHandler<typeof JOB.candidateImport> =>
  async (payload) => {
    const { importId } = parseInput(importJobSchema, payload, 'Invalid candidate-import job payload');
    await runImport(strapi, importId);
  };
