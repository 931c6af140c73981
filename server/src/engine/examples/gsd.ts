// A small GSD project for the GSD rules' documented examples: a roadmap of three phases (the
// first done, the second half planned out) and the state that goes with it.
export const GSD_ROADMAP = `# Roadmap: Demo

## Phases

- [x] **Phase 1: Foundation** - Data layer
- [ ] **Phase 2: Editor** - Editing UI
- [ ] **Phase 3: Sharing** - Share links

## Phase Details

### Phase 1: Foundation

Plans:
- [x] 01-01-PLAN.md — Schema
- [x] 01-02-PLAN.md — Storage

### Phase 2: Editor

Plans:
- [x] 02-01-PLAN.md — Form
- [ ] 02-02-PLAN.md — Validation

### Phase 3: Sharing

Plans:
- [ ] 03-01: TBD
`;

export const GSD_STATE = `# Project State

## Current Position

Phase: 2 of 3 (Editor)
Plan: 2 of 2 in current phase
Status: In progress
Last activity: 2026-11-20 -- Completed 02-01-PLAN.md

Progress: [██████░░░░] 60%

## Session Continuity

Last session: 2026-11-20
Stopped at: Completed 02-01-PLAN.md
Resume file: None
`;

/** The files of that project. */
export const GSD_FILES = ['.planning/STATE.md', '.planning/ROADMAP.md', '.planning/phases/01-foundation/01-01-PLAN.md', '.planning/phases/02-editor/02-01-PLAN.md'];

export const STATE_PATH = '.planning/STATE.md';
export const ROADMAP_PATH = '.planning/ROADMAP.md';
