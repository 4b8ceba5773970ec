// The same tests against PostgreSQL (a fresh database per Herald; see helpers.ts).
process.env.HERALD_TEST_STORE = 'postgres';
await import('../ordering.test.js');
