// Error cause, AggregateError, custom error classes and their names.
class ValidationError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "ValidationError";
  }
}
try {
  try {
    JSON.parse("{bad json");
  } catch (e) {
    throw new ValidationError("could not read config", { cause: e });
  }
} catch (e) {
  console.log(e.name, "|", e.message, "|", e.cause.name, "|", e instanceof ValidationError, e instanceof Error);
}
const agg = new AggregateError([new Error("a"), new TypeError("b")], "several");
console.log(agg.name, agg.message, agg.errors.map((e) => e.name).join(","));
console.log(String(new RangeError("r")), Object.prototype.toString.call(new Error()));
