#!/usr/bin/env node
// Launcher for `npx client-followup`: runs the TypeScript entry through tsx, resolved from this
// package's own node_modules, scoped to that import (nothing else in the process is affected).
import { tsImport } from 'tsx/esm/api';

await tsImport('../cli/main.ts', import.meta.url);
