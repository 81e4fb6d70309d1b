// One suite, one side of compare.mjs: runs suites/<name>.mjs and prints its rows as JSON on stdout (progress and
// errors go to stderr). Which packages it measures is decided by the resolve hook its parent may have installed.
const [suite] = process.argv.slice(2);
const { run } = await import(`../suites/${suite}.mjs`);
process.stdout.write(JSON.stringify(await run()));
