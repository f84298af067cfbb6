// finally() passes values through and takes extra microtask turns.
const log = [];
Promise.resolve(1).finally(() => log.push("finally")).then((v) => log.push("then " + v));
Promise.resolve().then(() => log.push("t1")).then(() => log.push("t2")).then(() => log.push("t3")).then(() => log.push("t4"));
Promise.reject(new Error("x")).finally(() => log.push("finally on reject")).catch((e) => log.push("caught " + e.message));
setTimeout(() => console.log(log.join("\n")), 0);
