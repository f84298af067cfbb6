// Timers fire in order of due time; equal due times fire in creation order. (Delays are far apart so
// that a loaded machine pausing between two statements cannot reorder them.)
const order = [];
setTimeout(() => order.push("300"), 300);
setTimeout(() => order.push("100"), 100);
setTimeout(() => order.push("0a"), 0);
setTimeout(() => order.push("0b"));
setTimeout(() => order.push("100b"), 100);
setTimeout(() => console.log(order.join(" ")), 400);
