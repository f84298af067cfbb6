// An unref'd timer does not keep the program alive; a ref'd one does.
const id = setTimeout(() => console.log("unref'd timer must not fire"), 3000);
Deno.unrefTimer(id);
setTimeout(() => console.log("ref'd timer fires"), 10);
