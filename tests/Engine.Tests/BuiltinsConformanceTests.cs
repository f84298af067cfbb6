namespace DualEngine.Engine.Tests;

/// <summary>
/// Built-in conformance fixes found by test262 (Math, Number, URI decoding, %ThrowTypeError%, WeakMap/WeakSet,
/// Object, Date, JSON, Array). Expected values were checked with node 20 (`node -e`, TZ=UTC).
/// </summary>
public class BuiltinsConformanceTests
{
    // Math.expm1 keeps -0 (§21.3.2.15); Math.round (§21.3.2.28): (0, 0.5) gives +0, [-0.5, -0] gives -0, no x + 0.5 rounding error for 0.5 - 2^-54 or odd integers above 2^52.
    [Theory]
    [InlineData("1 / Math.expm1(-0)", "-Infinity")]
    [InlineData("1 / Math.round(0.49999999999999994)", "Infinity")]
    [InlineData("1 / Math.round(-0.5) + ',' + 1 / Math.round(-0.2) + ',' + 1 / Math.round(0.2)", "-Infinity,-Infinity,Infinity")]
    [InlineData("Math.round(4503599627370497) + ',' + Math.round(-4503599627370497) + ',' + Math.round(2.5) + ',' + Math.round(-2.5) + ',' + Math.round(-2.6)", "4503599627370497,-4503599627370497,3,-2,-3")]
    public void Math(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    // toExponential (§21.1.3.2) rounds the exact binary value half up, prints -0 like 0 and gives the shortest digits without an argument; Number(bigint) (§21.1.1.1) rounds to nearest, ties to even.
    [Theory]
    [InlineData("(25).toExponential(0) + ',' + (12345).toExponential(3) + ',' + (1.25).toExponential(1) + ',' + (1.35).toExponential(1)", "3e+1,1.235e+4,1.3e+0,1.4e+0")]
    [InlineData("(-0).toExponential(0) + ',' + (-0).toExponential(2) + ',' + (0).toExponential()", "0e+0,0.00e+0,0e+0")]
    [InlineData("(123.456).toExponential() + ',' + (0.00015).toExponential() + ',' + (-1e21).toExponential(2) + ',' + (5e-324).toExponential()", "1.23456e+2,1.5e-4,-1.00e+21,5e-324")]
    [InlineData("(0.1).toExponential() + ',' + (1.7976931348623157e308).toExponential(20)", "1e-1,1.79769313486231570815e+308")]
    [InlineData("Number(2n ** 53n + 1n) + ',' + Number(2n ** 53n + 3n) + ',' + Number(-(2n ** 53n + 3n))", "9007199254740992,9007199254740996,-9007199254740996")]
    [InlineData("Number(2n ** 1024n) + ',' + Number(2n ** 1024n - 2n ** 970n) + ',' + Number(2n ** 1024n - 2n ** 971n) + ',' + Number(0n)", "Infinity,Infinity,1.7976931348623157e+308,0")]
    public void Number(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    // Decode (§19.2.6.6): '%' not followed by two hex digits (white space included) is a URIError.
    [Theory]
    [InlineData("['%', '%4', '% 1', '%1 ', '%G1', '%1G'].map(s => { try { decodeURI(s); return 'ok'; } catch (e) { return e.name; } }).join()", "URIError,URIError,URIError,URIError,URIError,URIError")]
    [InlineData("decodeURIComponent('%41%e2%82%ac%2f') + decodeURI('%2f%41')", "A€/%2fA")]
    public void Uri(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    // %ThrowTypeError% (§10.2.4.1) is frozen; its length and name are non-configurable.
    [Theory]
    [InlineData("var tte = Object.getOwnPropertyDescriptor(function () { 'use strict'; return arguments; }(), 'callee').get; [Object.isFrozen(tte), Object.getOwnPropertyDescriptor(tte, 'length').configurable, Object.getOwnPropertyDescriptor(tte, 'name').configurable].join()", "true,false,false")]
    public void ThrowTypeError(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    // AddEntriesFromIterable (§24.1.1.2) and the WeakSet constructor close the iterator when the adder or an entry read throws; WeakMap/WeakSet methods check the receiver before the key.
    [Theory]
    [InlineData("var closed = 0; var it = { [Symbol.iterator]() { return { next() { return { value: [{}, 1], done: false }; }, return() { closed++; return {}; } }; } }; WeakMap.prototype.set = function () { throw new Error('x'); }; try { new WeakMap(it); } catch (e) {} closed", "1")]
    [InlineData("var closed = 0; var it = { [Symbol.iterator]() { return { next() { return { value: { get 0() { throw new Error('x'); } }, done: false }; }, return() { closed++; return {}; } }; } }; try { new WeakMap(it); } catch (e) {} closed", "1")]
    [InlineData("var closed = 0; var it = { [Symbol.iterator]() { return { next() { return { value: {}, done: false }; }, return() { closed++; return {}; } }; } }; WeakSet.prototype.add = function () { throw new Error('x'); }; try { new WeakSet(it); } catch (e) {} closed", "1")]
    [InlineData("[WeakMap.prototype.get, WeakMap.prototype.has, WeakMap.prototype.delete, WeakSet.prototype.has, WeakSet.prototype.delete].map(f => { try { f.call(new Map(), 1); return 'ok'; } catch (e) { return e.name; } }).join()", "TypeError,TypeError,TypeError,TypeError,TypeError")]
    public void WeakCollections(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    // Object.fromEntries closes the iterator when ToPropertyKey throws (§24.1.1.2); __lookupGetter__/__lookupSetter__ (§B.2.2.4-5) run ToObject(this) before ToPropertyKey.
    [Theory]
    [InlineData("var closed = 0; var it = { [Symbol.iterator]() { return { next() { return { value: [{ toString() { throw new Error('x'); } }, 1], done: false }; }, return() { closed++; return {}; } }; } }; try { Object.fromEntries(it); } catch (e) {} closed", "1")]
    [InlineData("var order = ''; try { Object.prototype.__lookupGetter__.call(undefined, { toString() { order += 'key'; return 'x'; } }); } catch (e) { order += e.name; } order", "TypeError")]
    [InlineData("var order = ''; try { Object.prototype.__lookupSetter__.call(null, { toString() { order += 'key'; return 'x'; } }); } catch (e) { order += e.name; } order", "TypeError")]
    public void Object(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    // DateString (§21.4.4.41.2) prints a negative year as '-' and 4 digits; Date.parse reads the Date Time String Format (§21.4.1.32) over the whole time value range, NaN past it or for out-of-range fields.
    [Theory]
    [InlineData("var d = new Date(Date.UTC(-1, 0, 1)); [d.toUTCString(), new Date(-1, 0, 1).toDateString()].join()", "Fri, 01 Jan -0001 00:00:00 GMT,Fri Jan 01 -0001")]
    [InlineData("Date.parse('-271821-04-20T00:00:00.000Z') + ',' + Date.parse('+275760-09-13T00:00:00.000Z') + ',' + Date.parse('-271821-04-19T23:59:59.999Z') + ',' + Date.parse('+275760-09-13T00:00:00.001Z')", "-8640000000000000,8640000000000000,NaN,NaN")]
    [InlineData("Date.parse('2019-01-01T10:00:00.5Z') + ',' + Date.parse('2019-01-01T10:00+01:00') + ',' + Date.parse('2019-13-01') + ',' + Date.parse('+002019-01-01') + ',' + Date.parse('2019-01-01T24:00Z') + ',' + Date.parse('2019-01-01T24:00:01Z')", "1546336800500,1546333200000,NaN,1546300800000,1546387200000,NaN")]
    public void Date(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    // InternalizeJSONProperty (§25.5.1.1) takes the enumerable keys before calling the reviver: a deleted key is still visited and reads through the prototype.
    [Theory]
    [InlineData("Object.prototype.b = 3; var o = JSON.parse('{\"a\": 1, \"b\": 2}', function (k, v) { if (k === 'a') delete this.b; return v; }); delete Object.prototype.b; [o.a, o.hasOwnProperty('b'), o.b].join()", "1,true,3")]
    public void Json(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    // join (§23.1.3.18) reads length before ToString(separator) and throws for an undefined this first; reverse (§23.1.3.26) interleaves HasProperty/Get per index; Array.from (§23.1.2.1) closes the iterator when defining an element fails; toSorted (§23.1.3.34) throws the RangeError of ArrayCreate before reading elements.
    [Theory]
    [InlineData("var log = []; var sep = { toString() { log.push('sep'); return '-'; } }; var o = { get length() { log.push('length'); return 2; }, 0: 'a', 1: 'b' }; log.push(Array.prototype.join.call(o, sep)); log.join()", "length,sep,a-b")]
    [InlineData("var join = Array.prototype.join; try { join({ toString() { throw new Error('sep'); } }); } catch (e) { e.name }", "TypeError")]
    [InlineData("var a = [0, 1, 2]; Object.defineProperty(a, 0, { get() { delete a[2]; return 'x'; }, configurable: true }); a.reverse(); [0 in a, 2 in a, a[2]].join()", "false,true,x")]
    [InlineData("var closed = 0; var it = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; }, return() { closed++; return {}; } }; } }; var C = function () { return Object.freeze({}); }; try { Array.from.call(C, it); } catch (e) { closed + e.name }", "1TypeError")]
    [InlineData("try { Array.prototype.toSorted.call({ get 0() { throw new Error('read'); }, length: 2 ** 32 }); } catch (e) { e.name }", "RangeError")]
    public void Array(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));
}

public class ImmutablePrototypeAndArrayLengthTests
{
    [Fact]
    // %Object.prototype% is an immutable prototype exotic object (§10.4.7): only its current prototype (null) can be
    // set; ArraySetLength converts and range-checks the value before the attribute checks (§10.4.2.4). Values from node.
    public void ObjectPrototypeKeepsItsPrototypeAndLengthIsCheckedFirst() => Assert.Equal("TypeError,false,true,TypeError,,RangeError,SyntaxError", TestHost.Run("""
        const r = [];
        try { Object.setPrototypeOf(Object.prototype, {}); r.push('no'); } catch (e) { r.push(e.constructor.name); }
        r.push(Reflect.setPrototypeOf(Object.prototype, Object.create(null)), Reflect.setPrototypeOf(Object.prototype, null));
        try { Object.prototype.__proto__ = {}; r.push('no'); } catch (e) { r.push(e.constructor.name); }
        Object.prototype.__proto__ = null; r.push(Object.getPrototypeOf(Object.prototype));
        try { Object.defineProperty([], 'length', { value: -1, configurable: true }); } catch (e) { r.push(e.constructor.name); }
        try { Object.defineProperty([], 'length', { value: { valueOf() { throw new SyntaxError('v'); } }, configurable: true }); } catch (e) { r.push(e.constructor.name); }
        r.join()
        """));
}
