#!/usr/bin/env node
// A committed entry, so package managers can link the bin before the package is built.
import "../dist/cli.js";
