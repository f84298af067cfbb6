// Recursion: plain JS→JS calls with int arithmetic and a comparison per call (fib(27) = 317811, ~630k calls).
function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
function run() {
  return fib(27);
}
