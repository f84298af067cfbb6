// Map, Set, typed arrays, Date, RegExp, Promise, Error inside containers.
console.log(new Map([["a", 1], [{ k: 1 }, [2]]]));
console.log(new Set([1, "two", [3]]));
console.log(new Map(), new Set());
console.log(new Uint8Array([1, 2, 3]), new Float64Array(2));
console.log(new Date(86400000));
console.log(/ab+c/gi, [/x/]);
