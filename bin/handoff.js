#!/usr/bin/env node
'use strict';
require('../out/cli/handoff.js');
