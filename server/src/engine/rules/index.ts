// Every rule, in the order they are documented and run. Adding a rule: its file here, one line
// in this list, its fixtures, and `npm run docs`.
import type { Rule } from '../lint/rule';
import requiredSections from './required-sections';
import sectionOrder from './section-order';
import headingNames from './heading-names';
import headingLevels from './heading-levels';
import duplicateSections from './duplicate-sections';
import emptySections from './empty-sections';
import snapshotFields from './snapshot-fields';
import dateFormat from './date-format';
import noSecrets from './no-secrets';
import splitSecret from './split-secret';
import noPersonalData from './no-personal-data';
import codeBlockLength from './code-block-length';
import bulletLength from './bullet-length';
import listNumbering from './list-numbering';
import mojibake from './mojibake';
import invisibleCharacters from './invisible-characters';
import maxSize from './max-size';
import branchCurrent from './branch-current';
import headCurrent from './head-current';
import worktreeState from './worktree-state';
import commitExists from './commit-exists';
import dateStale from './date-stale';
import pathExists from './path-exists';
import commandExists from './command-exists';
import roadmapIds from './roadmap-ids';
import roadmapLanded from './roadmap-landed';
import roadmapDoneNext from './roadmap-done-next';
import roadmapStructure from './roadmap-structure';
import gsdPhaseExists from './gsd-phase-exists';
import gsdProgress from './gsd-progress';
import gsdDonePhaseOpenPlan from './gsd-done-phase-open-plan';
import gsdResumeFile from './gsd-resume-file';
import gsdPhaseFolder from './gsd-phase-folder';
import staleNextSteps from './stale-next-steps';
import verifyStale from './verify-stale';

export const RULES: readonly Rule[] = [
  requiredSections,
  sectionOrder,
  headingNames,
  headingLevels,
  duplicateSections,
  emptySections,
  snapshotFields,
  dateFormat,
  noSecrets,
  splitSecret,
  noPersonalData,
  codeBlockLength,
  bulletLength,
  listNumbering,
  mojibake,
  invisibleCharacters,
  maxSize,
  branchCurrent,
  headCurrent,
  worktreeState,
  commitExists,
  dateStale,
  pathExists,
  commandExists,
  roadmapIds,
  roadmapLanded,
  roadmapDoneNext,
  roadmapStructure,
  gsdPhaseExists,
  gsdProgress,
  gsdDonePhaseOpenPlan,
  gsdResumeFile,
  gsdPhaseFolder,
  staleNextSteps,
  verifyStale,
];
