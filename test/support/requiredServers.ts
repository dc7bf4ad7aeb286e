// Tests of real servers (Glance, nginx) need root and Debian's packages. Where they cannot run, `npm test`
// skips them with a line saying why; .ci/run sets IMS_REQUIRE_SERVERS=1, and then a skip fails the run.

/** Says why `what` is skipped, or throws when the servers are required. */
export function skipOrFail(what: string, reason: string): void {
  if (process.env.IMS_REQUIRE_SERVERS === '1') {
    throw new Error(`IMS_REQUIRE_SERVERS=1, but ${what} cannot run here: ${reason}`);
  }
  console.warn(`${what} are skipped: ${reason}`);
}
