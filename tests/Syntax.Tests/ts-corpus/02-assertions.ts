// as, satisfies, non-null, angle-bracket assertions, as const.
const data: unknown = { value: 41 };
const v = (data as { value: number }).value + 1;
const w = (<{ value: number }>data).value;
const el = [1, 2, 3].find((n) => n > 1)!;
const conf = { mode: "fast", level: 2 } satisfies Record<string, string | number>;
const fixed = ["x", "y"] as const;
let s: string | null = "hello";
console.log(v, w, el, conf.mode, fixed[1], s!.toUpperCase());
const nested = ((data as any) as { value: number }).value;
let target: any = {};
(target as { n: number }).n = 7;
target!.m = 8;
console.log(nested, target.n, target.m);
const big = 10 as number < 20;
console.log(big);
