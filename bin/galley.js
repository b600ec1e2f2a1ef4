#!/usr/bin/env node
// The published entry point runs the compiled CLI (`npm install` builds dist/ through `prepare`).
import '../dist/cli/galley.js';
