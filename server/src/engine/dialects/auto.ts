// For notes written in no particular template: sections get their roles by meaning, and the
// only structural expectation is that the note says what to do next.
import type { Dialect } from './dialect';

export const auto: Dialect = {
  id: 'auto',
  title: null,
  sectionLevel: 2,
  fieldsIn: 'preamble',
  fieldStyle: 'line',
  lenient: true,
  fields: [],
  sections: [
    { heading: 'Next steps', aliases: [], role: 'next', required: true, skeleton: '1. \n' },
  ],
};
