#!/usr/bin/env node
import { runMilmedKeys } from './program.js';
import { compileWasmForAShortRun } from './short-lived-wasm.js';

// The binary is one short command; tests run the same program in-process without this flag.
compileWasmForAShortRun();
process.exitCode = await runMilmedKeys(process.argv);
