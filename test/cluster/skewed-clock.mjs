// Preloaded (node --import) into a Clearway process of test/cluster/two-processes.test.ts: the
// process's clock runs CLOCK_SKEW_MS ahead (Date.now and `new Date()`), as a host whose clock has
// drifted would. Anything that decides by the process's clock instead of the database's shows it.
const skew = Number(process.env.CLOCK_SKEW_MS ?? 0);
const RealDate = Date;
const realNow = RealDate.now.bind(RealDate);
class SkewedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(realNow() + skew);
    else super(...args);
  }
  static now() {
    return realNow() + skew;
  }
}
globalThis.Date = SkewedDate;
