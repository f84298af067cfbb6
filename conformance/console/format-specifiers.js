// printf-style substitutions: %s %d %i %f %o %O %c %%.
console.log("%s is %d years and %f meters", "Ada", 36.7, 1.75);
console.log("%i|%d|%d", 42.9, "12", "abc");
console.log("%s|%s|%s", 1, { a: 1 }, [1, 2]);
console.log("%o and %O", { a: [1] }, { b: 2 });
console.log("%c styled %c text", "color: red", "font-weight: bold");
console.log("100%% sure", "extra", 1);
console.log("%s missing");
console.log("%d", 5n);
