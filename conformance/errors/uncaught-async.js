// An async function's rejection after an await is unhandled.
async function work() {
  await null;
  throw new Error("async failure");
}
console.log("calling");
work();
