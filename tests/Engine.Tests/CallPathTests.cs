namespace DualEngine.Engine.Tests;

/// <summary>
/// The call path's shortcuts: recycled frames that keep their last closure and realm and only store what
/// changed, function environments created on the call, captured variables read at depth 0/1 inline and
/// further out by a walk, element reads with a numeric key, and the "length" of string receivers.
/// </summary>
public class CallPathTests
{
    // Method calls on a register receiver with no argument or one register argument run as one instruction
    // (CallMethodReg0/CallMethodReg1): lookup, receiver, argument and call must behave as the separate ones.
    [Theory]
    [InlineData("function f() { const o = { v: 2, m(x) { return this.v * x; } }; const x = 5; return o.m(x); } f()", "10")]
    [InlineData("function f() { const p = { x: 3, dot(q) { return this.x * q.x; } }; return p.dot(p); } f()", "9")]
    [InlineData("function f() { const a = []; const v = 7; a.push(v); a.push(v); return a.join(); } f()", "7,7")]
    [InlineData("function f() { const s = 'abc'; const i = 1; return s.charAt(i) + s.toUpperCase(); } f()", "bABC")]
    [InlineData("function f() { const n = 255; const r = 16; return n.toString(r); } f()", "ff")]
    [InlineData("function f() { const o = { get m() { return x => x + 1; } }; const x = 1; return o.m(x); } f()", "2")]
    [InlineData("function f() { const o = new Proxy({}, { get: (t, k) => () => k }); return o.hello(); } f()", "hello")]
    [InlineData("function f() { class A { m() { return this instanceof A; } } const a = new A(); return a.m(); } f()", "true")]
    [InlineData("function f() { const o = { *g(n) { yield n; yield n + 1; } }; const n = 4; return [...o.g(n)].join(); } f()", "4,5")]
    [InlineData("function f() { const o = { m(x) { return typeof x; } }; return o.m(); } f()", "undefined")]
    [InlineData("function f() { let log = ''; const o = { m(x) { log += x; } }; const x = 'a'; o.m(x); o.m(x); return log; } f()", "aa")]
    [InlineData("function f() { const o = undefined; const x = 1; try { o.m(x); } catch (e) { return e.constructor.name + ': ' + e.message; } } f()", "TypeError: Cannot read properties of undefined (reading 'm')")]
    [InlineData("function f() { const o = {}; const x = 1; try { o.m(x); } catch (e) { return e.message; } } f()", "o.m is not a function")]
    [InlineData("function f() { const o = { n: 1 }; try { o.n(); } catch (e) { return e.message; } } f()", "o.n is not a function")]
    public void MethodCallsOnRegisters(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    // A cached compiled method is called straight from the registers (the receiver and the argument register go
    // into the callee frame): `this`, missing and extra arguments, `arguments`, captured parameters, own and
    // inherited methods, a method replaced between calls, and the result used or dropped, in a loop so the
    // inline cache is warm.
    [Theory]
    [InlineData("function f() { class P { constructor(v) { this.v = v; } add(o) { this.v += o.v; return this; } get2() { return this.v * 2; } } const a = new P(1), b = new P(2); let r = 0; for (let i = 0; i < 3; i++) { a.add(b); r += a.get2(); } return r + ',' + a.v; } f()", "30,7")]
    [InlineData("function f() { const o = { m(a, b) { return a + ',' + b + ',' + arguments.length; } }; const x = 1; let r = []; for (let i = 0; i < 2; i++) { r.push(o.m(x)); r.push(o.m()); } return r.join('|'); } f()", "1,undefined,1|undefined,undefined,0|1,undefined,1|undefined,undefined,0")]
    [InlineData("function f() { const o = { m: function (a) { arguments[0] = 9; return a + ':' + this.k; }, k: 'K' }; const x = 1; let r = []; for (let i = 0; i < 2; i++) r.push(o.m(x)); return r.join(); } f()", "9:K,9:K")]
    [InlineData("function f() { const o = { m(a) { return () => a * 2; } }; let r = []; for (let i = 0; i < 3; i++) r.push(o.m(i)()); return r.join(); } f()", "0,2,4")]
    [InlineData("function f() { const o = { m() { return 'own'; } }; const p = Object.create({ m() { return 'proto'; } }); let r = []; for (let i = 0; i < 2; i++) { r.push(o.m()); r.push(p.m()); } o.m = function () { return 'new'; }; r.push(o.m()); return r.join(); } f()", "own,proto,own,proto,new")]
    [InlineData("function f() { 'use strict'; const o = { m() { return typeof this; } }; const s = { m: o.m }; let r = []; for (let i = 0; i < 2; i++) { r.push(o.m()); r.push(s.m()); } return r.join(); } f()", "object,object,object,object")]
    [InlineData("function f() { let n = 0; const o = { m(k) { n += k; } }; const k = 2; for (let i = 0; i < 5; i++) o.m(k); return n; } f()", "10")]
    [InlineData("function f() { const o = { m(d) { const s = this, e = d - 1; return d > 0 ? s.m(e) + 1 : 0; } }; const d = 100; return o.m(d); } f()", "100")]
    [InlineData("function f() { const o = { m(d) { const s = this, e = d + 1; return s.m(e); } }; const d = 0; try { o.m(d); } catch (e) { return e instanceof RangeError && e.message; } } f()", "Maximum call stack size exceeded")]
    public void CachedMethodsCalledFromRegisters(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    // `this` pushed onto a recycled frame's operand stack skips the store when the slot already holds it: frames of
    // one method alternating between receivers, and `this` changing from an object to a primitive (sloppy and strict).
    [Theory]
    [InlineData("function f() { const o = { m() { this.x += 1; return this; } }; const a = Object.create(o), b = Object.create(o); a.x = 0; b.x = 10; let same = true; for (let i = 0; i < 5; i++) { same = same && a.m() === a && b.m() === b && a.m() === a; } return [a.x, b.x, same].join(); } f()", "10,15,true")]
    [InlineData("function f() { function g() { 'use strict'; return this; } const o = {}; const r = []; for (const t of [o, o, 5, o, 'a', undefined]) r.push(typeof g.call(t)); return r.join(); } f()", "object,object,number,object,string,undefined")]
    [InlineData("function f() { function g() { return typeof this + (this === globalThis); } const o = {}; const r = []; for (const t of [o, 5, o, undefined]) r.push(g.call(t)); return r.join(); } f()", "objectfalse,objectfalse,objectfalse,objecttrue")]
    public void ThisPushedOntoRecycledFrames(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    // A call followed by StoreReg (`x = f()`) returns straight into the register and continues after the store:
    // global, method, stack-argument and `new` calls, a constructor returning a primitive, both arms of a
    // conditional (the store is also a jump target), and a throw leaving the register as it was.
    [Theory]
    [InlineData("function f() { function g(v) { return { v }; } let r = 0, o; for (let i = 0; i < 3; i++) { o = g(i); r += o.v; } return r + ',' + o.v; } f()", "3,2")]
    [InlineData("function f() { const m = { k(a) { return a * 2; } }; let r = 0; for (let i = 0; i < 4; i++) { const x = m.k(i); r += x; } return r; } f()", "12")]
    [InlineData("function f() { function h(a, b) { return a + b; } let x; for (let i = 0; i < 3; i++) x = h(i, i + 1); return x; } f()", "5")]
    [InlineData("function f() { class P { constructor(v) { this.v = v; return 7; } } let p; for (let i = 0; i < 2; i++) p = new P(i); return p.v; } f()", "1")]
    [InlineData("function f() { class A { constructor() { this.a = 1; } } class B extends A { constructor() { super(); this.b = 2; } } const b = new B(); return b.a + b.b; } f()", "3")]
    [InlineData("function f() { function g() { return 'g'; } function h() { return 'h'; } const r = []; for (let i = 0; i < 4; i++) { const x = i % 2 ? g() : h(); r.push(x); } return r.join(''); } f()", "hghg")]
    [InlineData("function f() { function t(k) { if (k) throw 1; return 'ok'; } let x = 'before'; try { x = t(1); } catch { } const y = t(0); return x + ',' + y; } f()", "before,ok")]
    public void CallResultsStoredIntoRegisters(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    // A global function called with a register argument straight from its inline cache (CallGlobalReg1): the
    // current value of the global each time, a class (which must throw), a global in its TDZ, a non-function.
    [Theory]
    [InlineData("var g = function (x) { return x + 1; }; function f() { const r = []; for (let i = 0; i < 4; i++) { r.push(g(i)); if (i === 1) g = function (x) { return x * 10; }; } return r.join(); } f()", "1,2,20,30")]
    [InlineData("class C {} function f() { const x = 1; try { C(x); } catch (e) { return e.constructor.name + ': ' + e.message; } } f()", "TypeError: Class constructor C cannot be invoked without 'new'")]
    [InlineData("function f() { const x = 1; try { return later(x); } catch (e) { return e.constructor.name; } } const r = f(); let later = (x) => x; r", "ReferenceError")]
    [InlineData("var n = 5; function f() { const x = 1; try { n(x); } catch (e) { return e.message; } } f()", "n is not a function")]
    public void GlobalFunctionsCalledFromRegisters(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    // Builtin methods whose inline cache hits are called straight from the registers too (the receiver and a span
    // over the argument register): primitive and object receivers, a callback that re-enters JS and throws, a
    // builtin replaced on its prototype between calls, and results used, stored and dropped.
    [Theory]
    [InlineData("function f() { const s = 'hello'; let r = ''; for (let i = 0; i < 5; i++) { const c = s.charAt(i); r += c.toUpperCase(); } return r; } f()", "HELLO")]
    [InlineData("function f() { const a = []; for (let i = 0; i < 4; i++) { const x = i * i; a.push(x); } const m = new Map([[1, 'one']]); const k = 1; return a.join() + '|' + m.get(k) + m.has(k); } f()", "0,1,4,9|onetrue")]
    [InlineData("function f() { const a = [1, 2, 3]; const g = x => { if (x === 3) throw new Error('three'); return x * 2; }; try { return a.map(g); } catch (e) { const h = x => x + 1; return e.message + ':' + a.map(h).join(); } } f()", "three:2,3,4")]
    [InlineData("function f() { const a = []; const log = []; const orig = Array.prototype.push; for (let i = 0; i < 4; i++) { if (i === 2) Array.prototype.push = function (v) { log[log.length] = 'mine ' + v; return -1; }; const n = a.push(i); log[log.length] = n; } Array.prototype.push = orig; return log.join(); } f()", "1,2,mine 2,-1,mine 3,-1")]
    [InlineData("function f() { const n = 255; const b = 2; let r = []; for (let i = 0; i < 2; i++) r.push(n.toString(b)); return r.join(); } f()", "11111111,11111111")]
    public void BuiltinMethodsCalledFromRegisters(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    // A literal argument (CallMethodReg1 with a constant operand): strings and small integers, builtins and compiled
    // methods (which may assign their parameter), missing methods and receivers, and uncached calls.
    [Theory]
    [InlineData("function f(s) { let n = 0; for (let i = 0; i < 3; i++) if (s.indexOf('b') === 1) n += s.charCodeAt(0); return n; } f('abc')", "291")]
    [InlineData("function f(a) { return [a.join('-'), a.indexOf(2), a.includes(-1), a.slice(1).length].join('|'); } f([1, 2, 3])", "1-2-3|1|false|2")]
    [InlineData("function f() { const o = { m(x) { x = x + '!'; return x; } }; const r = []; for (let i = 0; i < 3; i++) r.push(o.m('hi')); return r.join() + o.m(7); } f()", "hi!,hi!,hi!7!")]
    [InlineData("function f(o) { try { return o.nope('x'); } catch (e) { return e.message; } } f({})", "o.nope is not a function")]
    [InlineData("function f(o) { try { return o.m(1); } catch (e) { return e.constructor.name; } } f(null)", "TypeError")]
    [InlineData("function f(os) { return os.map(o => { const v = o; return v.get(2); }).join(); } f([new Map([[2, 'a']]), { get: k => k * 10 }, new Map()])", "a,20,")]
    public void LiteralArgumentsCalledFromRegisters(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    // Calls of a global function with one register argument (CallGlobalReg1), and element reads with the
    // object and key in registers (GetElemRegs).
    [Theory]
    [InlineData("function sq(x) { return x * x; } function f() { const v = 6; return sq(v); } f()", "36")]
    [InlineData("let tl = x => x + 1; function f() { const v = 1; return tl(v) + tl(v); } f()", "4")]
    [InlineData("function f() { const v = -3; return Math.abs(v) + parseInt(v) + String(v); } f()", "0-3")]
    [InlineData("function f() { const v = 1; try { return nope(v); } catch (e) { return e.constructor.name + ': ' + e.message; } } f()", "ReferenceError: nope is not defined")]
    [InlineData("var notfn = 3; function f() { const v = 1; try { return notfn(v); } catch (e) { return e.message; } } f()", "notfn is not a function")]
    [InlineData("function g(x) { 'use strict'; return this; } function f() { const v = 1; return String(g(v)); } f()", "undefined")]
    [InlineData("function g(x) { return this === globalThis; } function f() { const v = 1; return g(v); } f()", "true")]
    [InlineData("function f() { const a = [1, , 3], s = 'xyz', o = { 1: 'one', k: 'key' }; let r = []; for (let i = -1; i < 4; i++) r.push(String(a[i]), String(s[i]), String(o[i])); const k = 'k'; r.push(o[k]); return r.join(); } f()",
        "undefined,undefined,undefined,1,x,undefined,undefined,y,one,3,z,undefined,undefined,undefined,undefined,key")]
    [InlineData("function f() { const a = [1, 2]; const i = 1.5, j = '1'; return String(a[i]) + a[j]; } f()", "undefined2")]
    [InlineData("function f() { const o = undefined; const k = 'p'; try { return o[k]; } catch (e) { return e.message; } } f()", "Cannot read properties of undefined (reading 'p')")]
    [InlineData("function f() { const log = []; const o = {}; const k = { toString() { log.push('key'); return 'x'; } }; o[k]; return log.join(); } f()", "key")]
    public void GlobalCallsAndElementReadsOnRegisters(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Fact]
    public void MethodCallOnRegisterThrowsWithItsLine() =>
        Assert.Contains("test.js:3:", TestHost.Run("""
            function f(o, x) {
              let y = 0;
              y = o.missing(x);
              return y;
            }
            try { f({}, 1); 'no throw' } catch (e) { e.stack }
            """));

    [Fact]
    public void RecycledFramesSeeTheirOwnClosure() => Assert.Equal("a,b,a,b|true,true,true|1,2,1,2", TestHost.Run(@"
        function mk(tag) { const f = function self() { return self.tag; }; f.tag = tag; return f; }
        const a = mk('a'), b = mk('b');
        const tags = [a(), b(), a(), b()];
        function sloppy() { return function () { return arguments.callee; }; }
        const c = sloppy(), d = sloppy();
        const callees = [c() === c, d() === d, c() === c];
        function counter(start) { let n = start; return () => ++n - start; }
        const k1 = counter(10), k2 = counter(20);
        const counts = [k1(), k1(), k2(), k2()];
        counts.sort();
        tags.join() + '|' + callees.join() + '|' + [k1() - 2, k2() - 1, counts[0], counts[3]].join()"));

    [Fact]
    public void FramesAbandonedByAThrowAreNotReusedWhileLive() => Assert.Equal("0,1,2,3,4,5,6,7,8,9|45", TestHost.Run(@"
        function inner(i, fail) { const v = [i]; if (fail) throw v; return v[0]; }
        function outer(i) { try { return inner(i, i % 3 === 0) + inner(i, false) - i; } catch (e) { return e[0]; } }
        const out = [];
        for (let i = 0; i < 10; i++) out.push(outer(i));
        function rec(n) { return n === 0 ? 0 : n + rec(n - 1); }
        out.join() + '|' + rec(9)"));

    [Fact]
    public void FramesRecycledAcrossRealms()
    {
        // One script's functions called from another realm's code: the recycled frame must run each call in
        // its closure's realm (its intrinsics and global object).
        var engine = new JsEngine(new EngineOptions { TimeLimit = TimeSpan.FromSeconds(10) });
        var r1 = engine.CreateRealm();
        var r2 = engine.CreateRealm();
        r1.Evaluate("var where = 'one'; function who() { return where + ':' + (Array.prototype === [].__proto__); }", "a.js");
        r2.Evaluate("var where = 'two'; function who() { return where + ':' + (Array.prototype === [].__proto__); }", "b.js");
        var w1 = r1.GetGlobal("who");
        var w2 = r2.GetGlobal("who");
        Assert.Equal("one:true", r1.Call(w1, JsValue.Undefined).ToString());
        Assert.Equal("two:true", r2.Call(w2, JsValue.Undefined).ToString());
        Assert.Equal("one:true", r2.Call(w1, JsValue.Undefined).ToString());
    }

    [Fact]
    public void CapturedVariablesAtEveryDepth() => Assert.Equal("1,2,3,4|11,12,13,14", TestHost.Run(@"
        function f0() {
            let a = 1;
            return function f1() {
                let b = 2;
                return function f2() {
                    let c = 3;
                    return function f3() {
                        let d = 4;
                        const read = () => [a, b, c, d].join();
                        const before = read();
                        a += 10; b += 10; c += 10; d += 10;
                        return before + '|' + read();
                    };
                };
            };
        }
        f0()()()()"));

    [Fact]
    public void FunctionEnvironmentsAreFreshPerCall() => Assert.Equal("0,1,4,9|true", TestHost.Run(@"
        function make(i) { return { id: i, get: () => i * i }; }
        const objs = [0, 1, 2, 3].map(make);
        const again = make(5);
        objs.map(o => o.get()).join() + '|' + (objs[0].get !== again.get)"));

    [Theory]
    // -0 is index 0 (ToPropertyKey(-0) is "0"); fractions, NaN, negatives and infinities are ordinary keys.
    [InlineData("const a = [10, 20, 30]; [a[-0], a[0], a[2], a[3], a[1.5], a[NaN], a[-1], a[Infinity]].join()", "10,10,30,,,,,")]
    [InlineData("const a = [1]; a[1.5] = 'f'; a[-1] = 'm'; a[NaN] = 'n'; [a.length, a[1.5], a['1.5'], a[-1], a['-1'], a.NaN].join()", "1,f,f,m,m,n")]
    // Indices from 2^31 up to 2^32 - 2 are elements; 2^32 - 1 is not (it does not change length).
    [InlineData("const a = []; a[2147483648] = 'x'; a[4294967294] = 'y'; a[4294967295] = 'z'; [a.length, a[2147483648], a[4294967294], a[4294967295], a[2 ** 31]].join()",
        "4294967295,x,y,z,x")]
    [InlineData("const a = [1, 2]; a[2147483647] = 'm'; [a.length, a[2147483647], a[2147483647.5]].join()", "2147483648,m,")]
    // Keys the double-to-int truncation cannot represent (x64 gives int.MinValue for them) are ordinary keys too.
    [InlineData("const a = [1]; a[-2147483648] = 'n'; a[1e300] = 'h'; a[-1e300] = 'l'; [a.length, a[-2147483648], a[1e300], a[-1e300], a[-2147483648.5], a[2 ** 64]].join()", "1,n,h,l,,")]
    // Holes read through to the prototype chain; getters on Array.prototype / Object.prototype run.
    [InlineData("Array.prototype[1] = 'P'; const a = [0, , 2]; const r = [a[1], a[3]].join(); delete Array.prototype[1]; r + ',' + a[1]", "P,,undefined")]
    [InlineData("Object.defineProperty(Object.prototype, 1, { get() { return 'G' + (this === a); }, configurable: true }); const a = [0, , 2]; const r = a[1]; delete Object.prototype[1]; r", "Gtrue")]
    // Strings, typed keys and proxies still take the generic path.
    [InlineData("const a = [5, 6]; [a['1'], a['01'], 'abc'[1], 'abc'[-0], 'abc'[3]].join()", "6,,b,a,")]
    [InlineData("const p = new Proxy([7, 8], { get(t, k) { return typeof k + ':' + k; } }); [p[0], p[1.5], p[-0]].join()", "string:0,string:1.5,string:0")]
    public void NumericElementKeys(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    [InlineData("const s = 'abc'; let r = ''; for (let i = 0; i < 3; i++) r += s.length; r", "333")]
    // A rope and a flattened rope answer their length; "length" built at run time is the same key.
    [InlineData("let s = ''; for (let i = 0; i < 40; i++) s += 'xy'; const k = 'len' + 'gth'; [s.length, s[k], s.slice(1).length, s['length']].join()", "80,80,79,80")]
    // A "length" on the prototype chain does not shadow a string's own length (§10.4.3); other prototype keys do.
    [InlineData("Object.defineProperty(Object.prototype, 'length', { get() { return 99; }, configurable: true }); String.prototype.extra = 1; const r = ['abcd'.length, 'abcd'.extra, ''.length, String.prototype.length, ({}).length].join(); delete Object.prototype.length; r", "4,1,0,0,99")]
    // A method cached on String.prototype is re-read after it is replaced, and per realm/primitive kind.
    [InlineData("const s = 'abc'; const r = []; for (let i = 0; i < 3; i++) { if (i === 2) String.prototype.indexOf = () => 'patched'; r.push(s.indexOf('c')); } r.join()", "2,2,patched")]
    [InlineData("const vals = ['ab', 5, 'cd', true]; vals.map(v => typeof v.toString).join() + '|' + vals.map(v => v.toString()).join()", "function,function,function,function|ab,5,cd,true")]
    [InlineData("const s = Symbol('k'); String.prototype[s] = 'sym'; 'x'[s]", "sym")]
    public void StringReceivers(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));
    [Theory]
    // push appends in place while the storage has room and grows it past; holes left by growth and by a
    // longer length read as holes, and a shortened array does not resurrect its old elements.
    [InlineData("const a = []; for (let i = 0; i < 100; i++) a.push(i); [a.length, a[0], a[8], a[99], a[100], 100 in a].join()", "100,0,8,99,,false")]
    [InlineData("const a = [1, 2, 3]; a.length = 1; a.length = 3; const r = [a.length, 1 in a, a[2]]; a.push('p'); r.concat([a.length, a[3], 2 in a]).join()", "3,false,,4,p,false")]
    [InlineData("const a = [0]; a[20] = 20; [a.length, 1 in a, 19 in a, a[20], a.push(21), a[21]].join()", "21,false,false,20,22,21")]
    [InlineData("const a = []; a.length = 5; a.push('x'); [a.length, 0 in a, 4 in a, a[5]].join()", "6,false,false,x")]
    // A setter or a read-only element on a prototype decides the push of that index (§10.1.9.2).
    [InlineData("const log = []; Object.defineProperty(Array.prototype, 2, { set(v) { log.push('set' + v); }, configurable: true }); const a = [0, 1]; a.push('x'); a.push('y'); delete Array.prototype[2]; [a.length, 2 in a, a[3], log.join()].join()",
        "4,false,y,setx")]
    [InlineData("Object.defineProperty(Object.prototype, 1, { value: 'ro', writable: false, configurable: true }); const a = [0]; let r; try { a.push('x'); r = 'no error'; } catch (e) { r = e.name; } delete Object.prototype[1]; [r, a.length, a.hasOwnProperty(1)].join()",
        "TypeError,1,false")]
    [InlineData("const proto = new Proxy([], { set(t, k, v, recv) { return Reflect.defineProperty(recv, k, { value: 'via proxy:' + v, writable: true, enumerable: true, configurable: true }); } }); const a = []; Object.setPrototypeOf(a, proto); Array.prototype.push.call(a, 1); [a.length, a[0]].join()",
        "1,via proxy:1")]
    // Non-extensible, frozen arrays and a non-writable length refuse the new element.
    [InlineData("const a = [1]; Object.preventExtensions(a); let r; try { a.push(2); r = 'no error'; } catch (e) { r = e.name; } [r, a.length, a[1]].join()", "TypeError,1,")]
    [InlineData("const a = Object.freeze([1]); let r; try { a.push(2); r = 'no error'; } catch (e) { r = e.name; } [r, a.length].join()", "TypeError,1")]
    [InlineData("const a = [1, 2]; Object.defineProperty(a, 'length', { writable: false }); let r; try { a.push(3); r = 'no error'; } catch (e) { r = e.name; } [r, a.length, a[2], 2 in a].join()", "TypeError,2,,false")]
    [InlineData("const a = Object.freeze([]); const b = [1]; Object.defineProperty(b, 'length', { writable: false }); const r = []; for (const x of [a, b]) { try { x.push(); r.push('no error'); } catch (e) { r.push(e.name); } } r.concat([a.length, b.length, [].push()]).join()", "TypeError,TypeError,0,1,0")]
    public void PushAndHoles(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Fact]
    public void RecycledFramesTakeEachCallsReceiverAndEnvironment() => Assert.Equal("o1,o2,o1,G,G,o2|1,2,1,3|true,false,true|r,s,r", TestHost.Run(@"
        globalThis.name = 'G';
        function who() { return this.name; }
        const o1 = { name: 'o1', who }, o2 = { name: 'o2', who };
        const names = [o1.who(), o2.who(), o1.who(), who(), who.call(undefined), who.call(o2)];
        function make(k) { return function () { return k; }; }
        const f1 = make(1), f2 = make(2), f3 = make(3);
        const envs = [f1(), f2(), f1(), f3()];
        function strictThis() { 'use strict'; return this === undefined; }
        const strict = [strictThis(), strictThis.call(5), strictThis()];
        function caller(tag) { return inner(tag); }
        function inner(tag) { return tag; }
        function other(tag) { return inner(tag); }
        const callers = [caller('r'), other('s'), caller('r')];
        names.join() + '|' + envs.join() + '|' + strict.join() + '|' + callers.join()"));

    [Fact]
    public void StackTracesOfRecycledFramesNameTheirCurrentCallers() => Assert.Equal("b<a|c<a", TestHost.Run(@"
        function where() { return new Error().stack.split('\n').slice(1, 4).map(l => l.trim().split(' ')[1]).join('<'); }
        function a(f) { return f(); }
        function b() { return where(); }
        function c() { return where(); }
        [a(b).replace('where<', ''), a(c).replace('where<', '')].join('|')"));
}
