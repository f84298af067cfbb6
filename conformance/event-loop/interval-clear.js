// setInterval repeats until cleared; clearing from inside the callback stops it.
let n = 0;
const id = setInterval(() => {
  n++;
  console.log("tick", n);
  if (n === 3) {
    clearInterval(id);
    setTimeout(() => console.log("done after", n, "ticks"), 20);
  }
}, 5);
