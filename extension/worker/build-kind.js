// What kind of build this is. The store build has no test clock: only the test harness's copy
// of dist/ (tests/e2e/harness.mjs) rewrites this line to true, to move "now" for a renewal test.
export const TEST_CLOCK = false;
