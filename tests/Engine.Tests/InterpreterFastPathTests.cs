namespace DualEngine.Engine.Tests;

/// <summary>
/// The interpreter's fast paths must behave exactly like the general instructions they shortcut: fused
/// compare-and-jump, assignments and updates whose value is discarded, and primitive stores that skip
/// the GC write barrier.
/// </summary>
public class InterpreterFastPathTests
{
    [Theory]
    // NaN: "jump unless a < b" is not "jump if a >= b".
    [InlineData("var r = []; for (const x of [1, NaN, 3]) { if (x < 2) r.push('lt'); else r.push('nlt'); if (x >= 2) r.push('ge'); else r.push('nge'); } r.join()", "lt,nge,nlt,nge,nlt,ge")]
    [InlineData("var r = []; var n = NaN; if (!(n <= 1)) r.push(1); if (!(n > 1)) r.push(2); if (n !== n) r.push(3); if (!(n === n)) r.push(4); r.join()", "1,2,3,4")]
    // Strings compare by code units; mixed operands convert; undefined compares false both ways.
    [InlineData("var r = []; if ('b' > 'a') r.push(1); if ('10' < '9') r.push(2); if ('10' < 9) r.push(3); if (!(undefined < 1) && !(undefined >= 1)) r.push(4); r.join()", "1,2,4")]
    // Operands are evaluated left then right, and ToPrimitive runs in that order too (§13.10.1, §7.2.13).
    [InlineData("var log = []; var a = { valueOf() { log.push('a'); return 1; } }; var b = { valueOf() { log.push('b'); return 2; } }; if (a < b) log.push('lt'); if (b > a) log.push('gt'); log.join()", "a,b,lt,b,a,gt")]
    [InlineData("var log = []; var a = { valueOf() { log.push('a'); return 1; } }; var b = { valueOf() { log.push('b'); return 2; } }; if (a >= b) log.push('ge'); else log.push('nge'); log.join()", "a,b,nge")]
    // Strict equality: +0 === -0, objects by identity, no conversion.
    [InlineData("var o = {}; var r = []; if (0 === -0) r.push(1); if (o === o) r.push(2); if ('1' !== 1) r.push(3); if ({} !== {}) r.push(4); r.join()", "1,2,3,4")]
    [InlineData("var i = 0, s = 0; while (i < 10) { s += i; i++; } do { s++; } while (s <= 50); s", "51")]
    [InlineData("var r = ''; for (var i = 10; i > 0; i -= 3) r += i; r", "10741")]
    [InlineData("(1 < 2) ? 'y' : 'n'", "y")]
    public void CompareAndJump(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    // Compare-and-jump on two registers (JumpCmpRegs) or a register and a small integer (JumpCmpRegInt): each
    // jump must agree with the comparison's value (the general Lt/Le/... instructions), for numbers, NaN,
    // -0, strings, mixed types, undefined, null and objects.
    private const string RegisterCompareHarness = """
        function jumps(a, b) {
          let s = '';
          if (a < b) s += 1; else s += 0;   if (!(a < b)) s += 1; else s += 0;
          if (a <= b) s += 1; else s += 0;  if (!(a <= b)) s += 1; else s += 0;
          if (a > b) s += 1; else s += 0;   if (!(a > b)) s += 1; else s += 0;
          if (a >= b) s += 1; else s += 0;  if (!(a >= b)) s += 1; else s += 0;
          if (a === b) s += 1; else s += 0; if (a !== b) s += 1; else s += 0;
          return s;
        }
        function values(a, b) {
          return [a < b, !(a < b), a <= b, !(a <= b), a > b, !(a > b), a >= b, !(a >= b), a === b, a !== b].map(Number).join('');
        }
        function jumpsInt(a) {
          let s = '';
          if (a < 2) s += 1; else s += 0;   if (a <= 2) s += 1; else s += 0;
          if (a > 2) s += 1; else s += 0;   if (a >= 2) s += 1; else s += 0;
          if (a === 2) s += 1; else s += 0; if (a !== 2) s += 1; else s += 0;
          if (a < -1) s += 1; else s += 0;  if (!(a >= 0)) s += 1; else s += 0;
          return s;
        }
        function valuesInt(a) {
          return [a < 2, a <= 2, a > 2, a >= 2, a === 2, a !== 2, a < -1, !(a >= 0)].map(Number).join('');
        }
        const samples = [1, 2, 2.5, -1, 0, -0, NaN, Infinity, -Infinity, '2', '10', '9', 'a', '', undefined, null, true, false, {}, [2], 2n];
        let bad = [];
        for (const a of samples)
        {
          for (const b of samples)
            if (jumps(a, b) !== values(a, b)) bad.push(String(a) + '?' + String(b));
          if (jumpsInt(a) !== valuesInt(a)) bad.push(String(a) + '?int');
        }
        bad.length === 0 ? 'ok' : bad.join(' ')
        """;

    [Fact]
    public void CompareAndJumpOnRegistersAgreesWithComparisonValues() => Assert.Equal("ok", TestHost.Run(RegisterCompareHarness));

    [Theory]
    // ToPrimitive runs on the left operand first for every relational operator, each once (§13.10.1 with
    // IsLessThan's LeftFirst flag, §7.2.13): `a > b` is IsLessThan(b, a, LeftFirst = false).
    [InlineData("function f(a, b) { if (a < b) return 'lt'; return 'nlt'; }", "a,b,lt")]
    [InlineData("function f(a, b) { if (a > b) return 'gt'; return 'ngt'; }", "a,b,ngt")]
    [InlineData("function f(a, b) { if (a <= b) return 'le'; return 'nle'; }", "a,b,le")]
    [InlineData("function f(a, b) { if (a >= b) return 'ge'; return 'nge'; }", "a,b,nge")]
    [InlineData("function f(a, b) { while (a < b) return 'lt'; return 'nlt'; }", "a,b,lt")]
    public void CompareAndJumpOnRegistersConvertsInOrder(string function, string expected) =>
        Assert.Equal(expected, TestHost.Run(function + """
             var log = [];
             var r = f({ valueOf() { log.push('a'); return 1; } }, { valueOf() { log.push('b'); return 2; } });
             log.push(r); log.join()
             """));

    // Arithmetic on two registers or a register and a small integer (AddRegs, SubRegs, MulRegs, AddRegInt,
    // SubRegInt) must give what the general instructions give on the same values read from properties.
    [Fact]
    public void ArithmeticOnRegistersAgreesWithGeneralInstructions() => Assert.Equal("ok", TestHost.Run("""
        function fused(a, b) { const r = []; try { r.push(a + b); } catch (e) { r.push(e.name); } try { r.push(a - b); } catch (e) { r.push(e.name); }
          try { r.push(a * b); } catch (e) { r.push(e.name); } try { r.push(a + 2); } catch (e) { r.push(e.name); } try { r.push(a - 2); } catch (e) { r.push(e.name); } return r; }
        function general(o) { const r = []; try { r.push(o.a + o.b); } catch (e) { r.push(e.name); } try { r.push(o.a - o.b); } catch (e) { r.push(e.name); }
          try { r.push(o.a * o.b); } catch (e) { r.push(e.name); } try { r.push(o.a + 2); } catch (e) { r.push(e.name); } try { r.push(o.a - 2); } catch (e) { r.push(e.name); } return r; }
        const samples = [1, 2.5, -0, 0, NaN, Infinity, '2', 'x', '', undefined, null, true, {}, [3], 2n, { valueOf() { return 7; } }, { toString() { return 's'; } }];
        const bad = [];
        for (const a of samples)
          for (const b of samples) {
            const x = fused(a, b), y = general({ a, b });
            for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) bad.push(String(a) + '?' + String(b) + '#' + i);
          }
        bad.length === 0 ? 'ok' : bad.join(' ')
        """));

    [Fact]
    public void ArithmeticOnRegistersConvertsLeftFirst() => Assert.Equal("a,b,3,a,b,-1", TestHost.Run("""
        function f(a, b) { const s = a + b; const d = a - b; return [s, d]; }
        var log = [];
        var r = f({ valueOf() { log.push('a'); return 1; } }, { valueOf() { log.push('b'); return 2; } });
        log.splice(2, 0, r[0]); log.push(r[1]); log.join()
        """));

    [Theory]
    // Rotated loops (the test compiled on entry and at the bottom) evaluate the test exactly once per
    // iteration plus once to leave, and continue/break/labels still reach the right places.
    [InlineData("function f() { let n = 0, i = 0; while ((n++, i < 3)) i++; return n + ',' + i; } f()", "4,3")]
    [InlineData("function f() { let n = 0, s = ''; for (let i = 0; (n++, i < 5); i++) { if (i === 1) continue; if (i === 3) break; s += i; } return n + ',' + s; } f()", "4,02")]
    [InlineData("function f() { let s = ''; outer: for (let i = 0; i < 3; i++) { let j = 0; while (j < 3) { j++; if (j === 2) continue outer; s += i + '' + j; } } return s; } f()", "011121")]
    [InlineData("function f() { let i = 0; while (i < 0) i++; for (let k = 5; k < 5; k++) i = 9; return i; } f()", "0")]
    [InlineData("function f() { const s = 'axbxcx'; let pos = 0, hits = 0; while ((pos = s.indexOf('x', pos)) !== -1) { hits++; pos++; } return hits; } f()", "3")]
    // Closures capture a fresh binding per iteration (§14.7.4.4), also when the test is repeated.
    [InlineData("function f() { const fs = []; for (let i = 0; i < 3; i++) fs.push(() => i); return fs.map(g => g()).join(); } f()", "0,1,2")]
    // Tests that are not repeated: a function or a tagged template in the test is one site.
    [InlineData("function f() { let i = 0; while ((() => i < 3)()) i++; return i; } f()", "3")]
    [InlineData("function f() { const seen = new Set(); const tag = s => s; let i = 0; while (seen.add(tag`x`), i++ < 3); return seen.size; } f()", "1")]
    public void RotatedLoops(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Fact]
    public void RotatedLoopTestThrowsWithItsLine() =>
        Assert.Contains(":4:", TestHost.Run("""
            function f(limit) {
              let i = 0;
              while (
                i < limit()) i++;
              return i;
            }
            let calls = 0;
            try { f(() => { if (++calls === 3) return Symbol(); return 10; }); 'no throw' } catch (e) { e.stack }
            """));

    [Theory]
    // `s += v` / `s -= v` on a register add into it in place when v cannot assign s (AddToReg/SubToReg); when
    // it can, s is still read before v runs (§13.15.2).
    [InlineData("function f() { let s = 1; s += 2; s -= 0.5; return s; } f()", "2.5")]
    [InlineData("function f() { let s = 'a'; for (let i = 0; i < 3; i++) s += i; s += null; return s; } f()", "a012null")]
    [InlineData("function f() { let s = 1; const t = (s += 2); return t + ',' + s; } f()", "3,3")]
    [InlineData("function f() { let s = 1; s += (s = 10); return s; } f()", "11")]
    [InlineData("function f() { let s = 1; s += (s++, 5); return s; } f()", "6")]
    [InlineData("function f() { let s = 1; s += ([s] = [7], 2); return s; } f()", "3")]
    [InlineData("function f() { let s = 5n; s += 2n; s -= 1n; return typeof s + s; } f()", "bigint6")]
    [InlineData("function f() { let s = 1; try { s += 2n; } catch (e) { return e.name + s; } } f()", "TypeError1")]
    [InlineData("function f() { const log = []; let s = { valueOf() { log.push('s'); return 1; } }; s += { valueOf() { log.push('v'); return 2; } }; return log.join() + s; } f()", "s,v3")]
    [InlineData("function f() { try { s += 1; let s = 0; } catch (e) { return e.name; } } f()", "ReferenceError")]
    [InlineData("function f() { const c = 1; try { c += 1; } catch (e) { return e.name + c; } } f()", "TypeError1")]
    [InlineData("function f() { let s = 0; const g = () => { s += 5; }; g(); s += 1; return s; } f()", "6")]
    // A direct eval or a closure in v can assign s: s lives in an environment then, and is still read first.
    [InlineData("function f() { let s = 1; s += eval('s = 10, 2'); return s; } f()", "3")]
    [InlineData("function f() { let s = 1; s -= (() => { s = 10; return 2; })(); return s; } f()", "-1")]
    public void CompoundAssignmentIntoRegisters(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    // `a + o.x`, `a - o.x`, `a * o.x` with o in a register (AddNamedReg/SubNamedReg/MulNamedReg) must give what
    // the general instructions give (the computed-key form below is not fused).
    [Fact]
    public void ArithmeticWithAPropertyReadAgreesWithGeneralInstructions() => Assert.Equal("ok", TestHost.Run("""
        function fused(a, o) { const r = []; try { r.push(a + o.x); } catch (e) { r.push(e.name); } try { r.push(a - o.x); } catch (e) { r.push(e.name); }
          try { r.push(a * o.x); } catch (e) { r.push(e.name); } try { r.push(a + o.length); } catch (e) { r.push(e.name); } return r; }
        function general(a, o) { const r = []; try { r.push(a + o['x']); } catch (e) { r.push(e.name); } try { r.push(a - o['x']); } catch (e) { r.push(e.name); }
          try { r.push(a * o['x']); } catch (e) { r.push(e.name); } try { r.push(a + o['length']); } catch (e) { r.push(e.name); } return r; }
        const values = [1, 2.5, -0, NaN, '3', 'a', undefined, null, 2n, {}, { valueOf() { return 4; } }];
        const receivers = [{ x: 2 }, { x: 'b' }, { x: 2n }, { get x() { return 7; } }, [1, 2, 3], 'str', 5, { x: { valueOf() { return 9; } } }, undefined, null];
        const bad = [];
        for (const a of values)
          for (const o of receivers) {
            const x = fused(a, o), y = general(a, o);
            for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) bad.push(String(a) + '?' + JSON.stringify(o) + '#' + i);
          }
        bad.length === 0 ? 'ok' : bad.join(' ')
        """));

    [Fact]
    public void ArithmeticWithAPropertyReadEvaluatesInOrder() => Assert.Equal("left,getter,3", TestHost.Run("""
        function f(o, log) { const r = (log.push('left'), 1) + o.x; log.push(r); return log.join(); }
        const log = [];
        f({ get x() { log.push('getter'); return 2; } }, log)
        """));

    [Theory]
    // `this.x op= v` reads this.x right after keeping `this` for the store (LoadThisGetThisNamed).
    [InlineData("class P { constructor() { this.x = 1; } add(v) { this.x += v; this.x *= 2; this.x -= 1; return this.x; } } new P().add(2)", "5")]
    [InlineData("const o = { log: [], get x() { this.log.push('get'); return 1; }, set x(v) { this.log.push('set' + v); }, m() { this.x += (this.log.push('rhs'), 5); return this.log.join(); } }; o.m()", "get,rhs,set6")]
    [InlineData("function F() { this.n = 'a'; this.n += 'b'; this.n += this.n; } new F().n", "abab")]
    [InlineData("var g = 1; function f() { this.g += 1; } f(); g", "2")]
    [InlineData("Number.prototype.bump = function () { 'use strict'; try { this.x += 1; return 'no error'; } catch (e) { return e.name; } }; (5).bump()", "TypeError")]
    [InlineData("const o = { x: 1, m() { 'use strict'; Object.freeze(this); try { this.x += 1; } catch (e) { return e.name + this.x; } } }; o.m()", "TypeError1")]
    [InlineData("class B { constructor() { this.x = 1; } } class D extends B { constructor() { super(); this.x += 5; } } new D().x", "6")]
    [InlineData("class D extends Object { constructor() { try { this.x += 1; } catch (e) { super(); this.r = e.name; } } } new D().r", "ReferenceError")]
    public void CompoundAssignmentToThisProperties(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // Negative number literals are constants (-0 stays -0); a computed value compared with a small integer
    // jumps in one instruction (JumpCmpInt); an assignment whose value is used stores and keeps it (StoreRegKeep).
    [InlineData("[Object.is(-0, -0), 1 / -0, -1, -2147483648, -1e300, - 5, -(-3), -0.5].join()", "true,-Infinity,-1,-2147483648,-1e+300,-5,3,-0.5")]
    [InlineData("function f(g) { const r = []; for (const v of [0, -0, 1, -1, '0', NaN, null, undefined, 0n, [0]]) { if (g(v) === 0) r.push('eq'); else r.push('ne'); if (g(v) !== -1) r.push('n1'); else r.push('m1'); if (g(v) < 1) r.push('lt'); else r.push('nlt'); if (g(v) >= -1) r.push('ge'); else r.push('nge'); } return r.join(); } f(x => x)",
        "eq,n1,lt,ge,eq,n1,lt,ge,ne,n1,nlt,ge,ne,m1,lt,ge,ne,n1,lt,ge,ne,n1,nlt,nge,ne,n1,lt,ge,ne,n1,nlt,nge,ne,n1,lt,ge,ne,n1,lt,ge")]
    [InlineData("function f() { const s = 'axbx'; let pos = 0, n = 0; while ((pos = s.indexOf('x', pos)) !== -1) { n++; pos++; } let x; const y = (x = 5) + x; return n + ',' + pos + ',' + y; } f()", "2,-1,10")]
    public void ConstantsAndKeptValues(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // `return a + b` is one instruction (AddReturn): numbers, strings, conversions, errors and constructors.
    [InlineData("function f(a, b) { return a + b; } [f(1, 2), f('a', 1), f(1n, 2n), f({ valueOf() { return 3; } }, 4), f(undefined, 1)].join()", "3,a1,3,7,NaN")]
    [InlineData("function f(a, b) { return a + b; } try { f(1n, 1); } catch (e) { e.name }", "TypeError")]
    [InlineData("function F(a, b) { this.v = 1; return a + b; } new F(1, 2).v", "1")]
    [InlineData("function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); } fib(15)", "610")]
    public void ReturnOfASum(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // `v * k` with a literal k is one instruction (MulInt): -0, NaN, Infinity, strings and objects converted, BigInt rejected.
    [InlineData("function f(v) { return v * 2; } [f(3), f(-0), f(0.5), f(NaN), f(Infinity), f('4'), f(null), f(undefined), f({ valueOf() { return 6; } })].map(x => Object.is(x, -0) ? '-0' : String(x)).join()", "6,-0,1,NaN,Infinity,8,0,NaN,12")]
    [InlineData("function f(v) { return v * -3; } [f(0), f(2)].map(x => Object.is(x, -0) ? '-0' : String(x)).join()", "-0,-6")]
    [InlineData("function f(v) { return v * 2; } try { f(2n); } catch (e) { e.name }", "TypeError")]
    [InlineData("function f(v) { return v * 0; } [f(-5), f(Infinity)].map(x => Object.is(x, -0) ? '-0' : String(x)).join()", "-0,NaN")]
    public void ProductWithALiteral(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // `i < a.length` deciding a jump is one instruction (JumpCmpRegNamed): arrays, strings, objects, getters (which
    // run after the register was read, as in the unfused code), conversions, and the error for a missing receiver.
    [InlineData("function f(a) { let n = 0; for (let i = 0; i < a.length; i++) n += a[i]; return n; } [f([1, 2, 3]), f([]), f({ length: 2, 0: 5, 1: 6 })].join()", "6,0,11")]
    [InlineData("function f(s) { let n = 0; for (let i = 0; i < s.length; i++) if (s[i] === 'a') n++; return n; } f('banana')", "3")]
    [InlineData("function f() { let i = 0; const o = { get n() { i = 100; return 5; } }; let steps = 0; while (i < o.n) { steps++; if (steps > 3) break; } return steps + ',' + i; } f()", "1,100")]
    [InlineData("function f(o) { let i = 1; return i < o.v ? 'lt' : 'ge'; } [f({ v: 2 }), f({ v: '0' }), f({ v: NaN }), f({}), f({ v: { valueOf() { return 9; } } })].join()", "lt,ge,ge,ge,lt")]
    [InlineData("function f(o) { let i = 'b'; return i >= o.s ? 'ge' : 'lt'; } [f({ s: 'a' }), f({ s: 'c' })].join()", "ge,lt")]
    [InlineData("function f(o) { let i = 0; if (i === o.v) return 'same'; return 'other'; } [f({ v: 0 }), f({ v: '0' }), f({ v: -0 })].join()", "same,other,same")]
    [InlineData("function f(a) { for (let i = 0; i < a.length; i++); } try { f(undefined); } catch (e) { e.message }", "Cannot read properties of undefined (reading 'length')")]
    public void CompareWithAProperty(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // `i % k` with a literal k is one instruction (ModRegInt): the sign of the dividend, -0, NaN, fractions,
    // strings and objects converted, BigInt rejected with a number divisor.
    [InlineData("function f(i) { return i % 10; } [f(23), f(-23), f(-20), f(0), f(2.5), f('17'), f(NaN), f(Infinity), f({ valueOf() { return 12; } })].map(x => Object.is(x, -0) ? '-0' : String(x)).join()", "3,-3,-0,0,2.5,7,NaN,NaN,2")]
    [InlineData("function f(i) { return i % -3; } [f(7), f(-7)].join()", "1,-1")]
    [InlineData("function f(i) { return i % 0; } String(f(5))", "NaN")]
    [InlineData("function f(i) { return i % 3; } try { f(5n); } catch (e) { e.name }", "TypeError")]
    public void RemainderByALiteral(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // `s += a + b` is one instruction (AddSumToReg): short and long strings (ropes growing in place), numbers,
    // a non-string target, and the order of conversions (a + b before s + (a + b)).
    [InlineData("function f() { let s = ''; for (let i = 0; i < 300; i++) s += 'ab' + (i % 10); return s.length + ':' + s.slice(0, 8) + ':' + s.slice(-6); } f()", "900:ab0ab1ab:ab8ab9")]
    [InlineData("function f() { let s = 'x'; for (let i = 0; i < 100; i++) s += ',' + i; return s.length + ':' + s.slice(-9); } f()", "291:,97,98,99")]
    [InlineData("function f() { let s = 'q'; s += 'a' + 'b'; s += 'c' + 1.5; s += 'd' + -0; return s; } f()", "qabc1.5d0")]
    [InlineData("function f() { let n = 1; n += 2 + 3; let m = 1; m += 'a' + 2; return n + ',' + m; } f()", "6,1a2")]
    [InlineData("function f() { const log = []; let s = { toString() { log.push('s'); return 'S'; } }; const o = { toString() { log.push('o'); return 'O'; } }; s += 'a' + o; return s + ':' + log.join(); } f()", "SaO:o,s")]
    [InlineData("function f() { let s = 'x'; const o = { toString() { return 'O'; } }; for (let i = 0; i < 70; i++) s += '-' + o; return s.length + s.slice(-4); } f()", "141-O-O")]
    [InlineData("function f() { let s = 'x'; try { s += 'a' + 1n; s += 1n + 'b'; return s; } catch (e) { return e.name; } } f()", "xa11b")]
    public void AppendingASum(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Fact]
    public void CompareAndJumpOnRegistersThrowsWithItsLine() =>
        Assert.Contains(":3:", TestHost.Run("""
            function f(a, b) {
              let x = 0;
              if (a < b) x = 1;
              return x;
            }
            try { f(Symbol(), 1); 'no throw' } catch (e) { e.stack }
            """));

    [Theory]
    // A discarded postfix update still applies ToNumeric, so a string becomes a number.
    [InlineData("var x = '5'; x++; typeof x + x", "number6")]
    [InlineData("var x = 5n; x++; x--; x--; typeof x + x", "bigint4")]
    [InlineData("let x = { valueOf() { return 2; } }; x *= 3; x", "6")]
    // The reference is resolved before the right-hand side (a with-object binding removed meanwhile).
    [InlineData("var o = { x: 1 }; with (o) { x = (delete o.x, 2); } o.x + ',' + typeof x", "2,undefined")]
    [InlineData("const c = 1; try { c = 2; } catch (e) { e.name } ", "TypeError")]
    [InlineData("const c = 1; var r; try { c++; } catch (e) { r = e.name; } r + c", "TypeError1")]
    [InlineData("let y; try { z = 1; y = typeof z; } catch (e) { y = e.name; } y", "number")]
    [InlineData("'use strict'; var r; try { undeclared = 1; } catch (e) { r = e.name; } r", "ReferenceError")]
    [InlineData("try { t = 1; let t; } catch (e) { e.name }", "ReferenceError")]
    [InlineData("var a = 0, b = 0; for (var i = 0; i < 3; i++, a += 2, b = a) {} i + ',' + a + ',' + b", "3,6,6")]
    // The completion value of a script is still its last expression statement (eval sees it).
    [InlineData("eval('var q = 1; q = 7;')", "7")]
    [InlineData("eval('var q = 1; q++;')", "1")]
    public void DiscardedAssignments(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    [InlineData("var o = { n: 1, f() { return this.n; } }; o.f()", "1")]
    [InlineData("'abc'.toUpperCase() + (5).toFixed(1) + true.toString()", "ABC5.0true")]
    [InlineData("var o = { get f() { return function () { return this === o; }; } }; o.f()", "true")]
    [InlineData("try { null.f(); } catch (e) { e.message }", "Cannot read properties of null (reading 'f')")]
    [InlineData("var o = {}; try { o.missing(); } catch (e) { e.constructor.name + ': ' + e.message }", "TypeError: o.missing is not a function")]
    [InlineData("var log = []; var o = { get f() { log.push('get'); return () => log.push('call'); } }; o.f(log.push('arg')); log.join()", "get,arg,call")]
    public void MethodCalls(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // Get, then the right-hand side, then set, on the object evaluated first (§13.15.2).
    [InlineData("var log = []; var o = { get x() { log.push('get'); return 1; }, set x(v) { log.push('set' + v); } }; o.x += (log.push('rhs'), 2); log.join()", "get,rhs,set3")]
    [InlineData("var a = { x: 1 }, b = { x: 10 }, o = a; o.x += (o = b, 5); a.x + ',' + b.x", "6,10")]
    [InlineData("var o = { x: '5' }; var r = ++o.x; typeof r + r + o.x", "number66")]
    [InlineData("var o = { x: 2 }; var r = (o.x **= 3); r + ',' + o.x", "8,8")]
    [InlineData("'use strict'; var o = Object.freeze({ x: 1 }); try { o.x += 1; } catch (e) { e.name }", "TypeError")]
    [InlineData("try { undefined.x += 1; } catch (e) { e.message }", "Cannot read properties of undefined (reading 'x')")]
    public void MemberUpdates(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // Uses after a declaration skip the TDZ check; these must still throw (or not) exactly as before.
    [InlineData("function t() { switch (1) { case 0: let a = 1; case 1: try { a; } catch (e) { return e.name; } } } t()", "ReferenceError")]
    [InlineData("function t() { switch (1) { case 0: let a = 1; break; case 1: try { a = 2; } catch (e) { return e.name; } } } t()", "ReferenceError")]
    [InlineData("function t() { try { for (let x of [x]) {} } catch (e) { return e.name; } } t()", "ReferenceError")]
    [InlineData("function t() { try { let x = x + 1; } catch (e) { return e.name; } } t()", "ReferenceError")]
    [InlineData("function t() { let [a, b = a] = [1]; return b; } t()", "1")]
    [InlineData("function t() { let s = 0; for (let i = 0, n = i + 3; i < n; i++) s += i; return s; } t()", "3")]
    [InlineData("function t() { var r = []; for (var k = 0; k < 2; k++) { try { r.push(typeof y); } catch (e) { r.push(e.name); } let y = k; r.push(y); } return r.join(); } t()", "ReferenceError,0,ReferenceError,1")]
    [InlineData("function t() { try { f(); } catch (e) { return e.name; } let x = 1; function f() { return x; } } t()", "ReferenceError")]
    [InlineData("function t() { const r = []; for (const [k, v] of [[1, 2], [3, 4]]) r.push(k + v); return r.join(); } t()", "3,7")]
    [InlineData("function* g() { let x = yield 1; yield x * 2; } var it = g(); it.next(); it.next(5).value", "10")]
    // Bindings no code can read early get no TDZ hole; each iteration must still start fresh.
    [InlineData("function t() { for (let k = 0; k < 2; k++) { let y; if (k == 1) return String(y); y = 5; } } t()", "undefined")]
    [InlineData("function t() { var r = []; for (var k = 0; k < 2; k++) { const c = k * 10; r.push(c); } return r.join(); } t()", "0,10")]
    [InlineData("function t() { try { let {a = ([z] = [1])} = {}; let z; } catch (e) { return e.name; } } t()", "ReferenceError")]
    [InlineData("function t() { try { typeof q; } catch (e) { return e.name; } let q = 1; } t()", "ReferenceError")]
    [InlineData("function t() { let out = []; for (const x of [1, 2]) { let d = x * 2; out.push(d); } return out.join(); } t()", "2,4")]
    public void TemporalDeadZone(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // Instruction pairs the bytecode builder fuses behave like the pair.
    [InlineData("function f(s) { return s.length; } f('abc') + f([1, 2])", "5")]
    [InlineData("class A { get v() { return 5; } m() { return this.v + this.w; } } A.prototype.w = 1; new A().m()", "6")]
    [InlineData("function g() { return this.Math === Math; } g()", "true")]
    [InlineData("function f() { 'use strict'; try { return this.x; } catch (e) { return e.message; } } f()", "Cannot read properties of undefined (reading 'x')")]
    [InlineData("function f(a) { return a + 1; } f('1') + '|' + f(1) + '|' + f(undefined) + '|' + f({ valueOf() { return 2; } })", "11|2|NaN|3")]
    [InlineData("function f(a) { return a - 2; } f('5') + f(0.5)", "1.5")]
    [InlineData("function f(a) { try { return a + 1; } catch (e) { return e.name; } } f(1n)", "TypeError")]
    [InlineData("function f(o) { 'use strict'; o.x = 1; return 'set'; } var r; try { r = f(Object.freeze({})); } catch (e) { r = e.name; } r", "TypeError")]
    [InlineData("var log = []; var o = { set x(v) { log.push(v); } }; function f(p) { p.x = 7; } f(o); log.join()", "7")]
    [InlineData("function f(a) { return a; } f(4) + f()", "NaN")]
    [InlineData("var c = true; function f(a) { var r = c ? a : 2; return r + 1; } f(1)", "2")]
    [InlineData("function f() { var i = 0, s = ''; i++; s += i; ++i; s += i; i--; s += i; --i; s += i; var x = '7'; x++; s += typeof x + x; return s; } f()", "1210number8")]
    [InlineData("function f() { var i = 5; var a = ++i; var b = i++; var c = --i; return [a, b, c, i].join(); } f()", "6,6,6,6")]
    [InlineData("function f() { var b = 10n; b++; b--; b--; return typeof b + b; } f()", "bigint9")]
    [InlineData("function f() { var o = { valueOf() { return 1; } }; o++; return o; } f()", "2")]
    [InlineData("class C { constructor() { this.n = 1; } bump() { this.n += 2; this.n *= 3; return this.n; } } new C().bump()", "9")]
    [InlineData("var log = []; class C { get n() { log.push('get'); return 1; } set n(v) { log.push('set' + v); } bump() { this.n += 1; } } new C().bump(); log.join()", "get,set2")]
    [InlineData("function f(n) { return n < 2 ? n : f(n - 1) + f(n - 2); } f(15)", "610")]
    [InlineData("function f(x) { return x > 1 ? 'big' : x < 0 ? 'neg' : x; } [f(2), f(-1), f(0.5)].join()", "big,neg,0.5")]
    [InlineData("var log = []; function g(x) { try { return x ? (log.push('a'), 'A') : 'B'; } finally { log.push('f'); } } g(1) + g(0) + log.join()", "ABa,f,f")]
    [InlineData("class B {} class D extends B { constructor(x) { super(); return x ? undefined : { k: 1 }; } } (new D(1) instanceof D) + ',' + new D(0).k", "true,1")]
    [InlineData("function* g(x) { return x ? 1 : 2; } var r = g(0).next(); r.value + ',' + r.done", "2,true")]
    [InlineData("try { nope(); } catch (e) { e.message }", "nope is not defined")]
    [InlineData("function who() { return this === globalThis; } who()", "true")]
    // GetMethodReg: the receiver is the variable's value; a missing method, a getter and an undefined receiver.
    [InlineData("function f(o) { return o.m(2); } f({ k: 3, m(x) { return this.k * x; } })", "6")]
    [InlineData("function f(o) { try { return o.m(); } catch (e) { return e.message; } } f({})", "o.m is not a function")]
    [InlineData("function f(o) { try { return o.m(); } catch (e) { return e.message; } } f(undefined)", "Cannot read properties of undefined (reading 'm')")]
    [InlineData("var log = []; function f(o) { return o.m(); } f({ get m() { log.push('get'); return function () { return this.t; }; }, t: 'T' }) + log.join()", "Tget")]
    [InlineData("function f(s) { var a = s, b = 1; return a.slice(b); } f('xyz')", "yz")]
    // GetElemReg: the key comes from a variable; holes reach the prototype, strings index, objects convert keys.
    [InlineData("function f(a) { var s = 0; for (var i = 0; i < a.length; i++) s += a[i]; return s; } f([1, 2, 3])", "6")]
    [InlineData("Array.prototype[1] = 'proto'; function f(a, i) { return a[i]; } var r = f([0, , 2], 1); delete Array.prototype[1]; r", "proto")]
    [InlineData("function f(a, k) { return a[k]; } [f('abc', 1), f({ 1.5: 'x' }, 1.5), f([7], '0'), f({ toString() { return 'q'; } , q: 1 }, 'q'), String(f([1], -0))].join()", "b,x,7,1,1")]
    [InlineData("function f(a, k) { try { return a[k]; } catch (e) { return e.message; } } f(null, 2)", "Cannot read properties of null (reading '2')")]
    [InlineData("var o = { get 3() { return 'g'; } }; function f(k) { return o[k]; } f(3)", "g")]
    // GetElemInt: a constant index on arrays, strings, objects, holes, negative keys and proxies.
    [InlineData("function f(a) { return [a[0], a[1], a[-1]].join('/'); } [f([7, 8]), f('xy'), f({ 0: 'a', '-1': 'm' }), f([, 5])].join()", "7/8/,x/y/,a//m,/5/")]
    [InlineData("var p = new Proxy([], { get(t, k) { return 'P' + String(k); } }); function f(a) { return a[2]; } f(p)", "P2")]
    [InlineData("Object.defineProperty(Array.prototype, 3, { get() { return 'g'; }, configurable: true }); function f(a) { return a[3]; } var r = f([1]); delete Array.prototype[3]; r", "g")]
    [InlineData("function f(a) { try { return a[0]; } catch (e) { return e.message; } } f(undefined)", "Cannot read properties of undefined (reading '0')")]
    // A call whose value is discarded (the caller continues with Pop) returns without pushing it.
    [InlineData("var log = []; function f(x) { log.push(x); return x * 2; } f(1); f(2); (f(3), f(4)); new (function () { log.push('n'); })(); var y = f(5); for (var i = 0; i < 3; i++) f(i); log.join() + '|' + y", "1,2,3,4,n,5,0,1,2|10")]
    [InlineData("function g(n) { if (n > 0) g(n - 1); return n; } function h() { g(3); g(2); return g(1) + 1; } h()", "2")]
    // Strings at "length" sites and String.prototype methods read inline; replacing or redefining a method is seen.
    [InlineData("function len(a) { return a.length; } var r = 'ab'; r += 'cd'; [len('xyz'), len(r), len([1]), len(''), len({ length: 'L' })].join()", "3,4,1,0,L")]
    [InlineData("function f(s) { return s.slice(1, 3); } var a = f('hello'); var orig = String.prototype.slice; String.prototype.slice = function () { return 'patched'; }; var b = f('hello'); String.prototype.slice = orig; a + ',' + b + ',' + f('world')", "el,patched,or")]
    [InlineData("function f(s) { return s.at(-1); } var a = f('abc'); Object.defineProperty(String.prototype, 'at', { get() { return () => 'getter'; }, configurable: true }); var b = f('abc'); delete String.prototype.at; a + ',' + b + ',' + typeof ''.at", "c,getter,undefined")]
    [InlineData("function f(v) { return v.toString(); } [f('s'), f(5), f(true), f([1, 2]), f(Symbol('q'))].join()", "s,5,true,1,2,Symbol(q)")]
    [InlineData("function f(s) { return s.trim(); } Object.defineProperty(String.prototype, 'trim', { value: function () { return typeof this; } }); var a = f(' x '); Object.defineProperty(String.prototype, 'trim', { value: function () { 'use strict'; return typeof this; } }); a + ',' + f(' x ')", "object,string")]
    // ReturnThis: also in constructors, derived constructors after super(), arrows and generators.
    [InlineData("class P { set(v) { this.v = v; return this; } } new P().set(1).set(2).v", "2")]
    [InlineData("class B { constructor() { this.b = 1; } } class D extends B { constructor() { super(); this.d = 2; return this; } } var d = new D(); '' + d.b + d.d + (d instanceof D)", "12true")]
    [InlineData("function F() { this.x = 1; return this; } new F().x + F.call({ y: 5 }).y", "6")]
    [InlineData("var o = { m() { return () => { return this; }; } }; o.m()() === o", "true")]
    [InlineData("var o = { *g() { return this; } }; o.g().next().value === o", "true")]
    // An array's length read inline once a site has seen one; other receivers at the same site still look it up.
    [InlineData("function len(a) { return a.length; } [len([1, 2]), len('abc'), len({ length: 7 }), len([]), len(function (x, y) {}), len(new (class extends Array {})(4))].join()", "2,3,7,0,2,4")]
    [InlineData("function f(a) { var n = 0; for (var i = 0; i < a.length; i++) { if (i === 1) a.push(9); n++; } return n + ',' + a.length; } f([1, 2, 3])", "4,4")]
    [InlineData("function len(a) { return a.length; } var a = [1, 2, 3]; var r = [len(a)]; a.length = 1; r.push(len(a)); a[9] = 0; r.push(len(a)); r.join()", "3,1,10")]
    [InlineData("function len(a) { try { return a.length; } catch (e) { return e.name; } } len([1]) + len(null)", "1TypeError")]
    public void FusedInstructions(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Fact]
    public void FusedInstructionsReportTheirOwnPosition() =>
        Assert.Contains("at f (test.js:3:", TestHost.Run("function f(o) {\n  var a = 1;\n  return o.x.y + a;\n}\ntry { f({}); } catch (e) { e.stack }"));

    [Theory]
    [InlineData("var a = [1.5, true, null, undefined, 'x']; var r = []; for (var i = 0; i < a.length; i++) { var v = a[i]; r.push(String(v)); } r.join()", "1.5,true,null,undefined,x")]
    // A register that held an object and then a number must not keep reading the object.
    [InlineData("function f() { var v = {k: 1}; var w = v; v = 3; return typeof v + typeof w + v; } f()", "numberobject3")]
    public void PrimitiveStoresOverwriteReferences(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // Int32 operands take the loop's own path; everything else must still get ToInt32 / ToNumeric (§6.1.6.1.9-.19).
    [InlineData("[5 | 0, -1 >>> 0, -8 >> 1, 1 << 33, 6 & 3, 6 ^ 3, -1 >>> 28].join()", "5,4294967295,-4,2,2,5,15")]
    [InlineData("[2147483648 | 0, 4294967296 | 0, 1.9 | 0, -1.9 | 0, NaN | 0, Infinity | 0, -Infinity >> 0].join()", "-2147483648,0,1,-1,0,0,0")]
    [InlineData("[Object.is(-0 | 0, 0), '7' | 0, true << 2, null >>> 0, ({ valueOf() { return 12; } }) & 4].join()", "true,7,4,0,4")]
    [InlineData("[5n | 2n, -8n >> 1n, typeof (1n << 3n)].join()", "7,-4,bigint")]
    [InlineData("try { 1n | 1 } catch (e) { e.name }", "TypeError")]
    [InlineData("try { 1 >>> 0n } catch (e) { e.name }", "TypeError")]
    // Remainder and division keep IEEE results: the sign of a zero follows the dividend, NaN and infinities.
    [InlineData("[Object.is(-4 % 2, -0), Object.is(-0 % 5, -0), 5.5 % 2, -7 % 3, 7 % -3, 1 % 0, Infinity % 2, 3 % Infinity].join()", "true,true,1.5,-1,1,NaN,NaN,3")]
    [InlineData("function m(a, b) { return a % b; } [m(7, 3), m(-7, 3), m(7, -3), Object.is(m(-0, 5), -0), Object.is(m(-4, 2), -0), m(2147483647, 2), m(2 ** 31, 7), m(2 ** 53, 3), m(5.5, 2), m(1, 0), m(6, 3), m(3, 7)].join()", "1,-1,1,true,true,1,2,2,1.5,NaN,0,3")]
    [InlineData("[1 / 0, -1 / 0, Object.is(0 / -5, -0), 7 / 2, '9' / 3, 7n / 2n].join()", "Infinity,-Infinity,true,3.5,3,3")]
    [InlineData("[2 ** 10, (-8) ** (1 / 3), 1 ** Infinity, 2n ** 5n].join()", "1024,NaN,NaN,32")]
    public void NumericOperators(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));
}
