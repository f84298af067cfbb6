console.log(greeting.greet("Ada"));
console.log(greeting.greet("Grace"));
console.log(await greeting.shout("extensions are easy"));
