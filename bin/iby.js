#!/usr/bin/env node
require('../dist/cli/iby.js');
