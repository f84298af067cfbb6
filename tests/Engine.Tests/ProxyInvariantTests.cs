namespace DualEngine.Engine.Tests;

/// <summary>
/// The invariants of the Proxy exotic object's internal methods (ECMA-262 §10.5.1-13): each trap result that contradicts the
/// target throws a TypeError whose message names the trap and the property, worded like V8's. Expected values are node's (v20)
/// for the same scripts; no case here needed a deviation from V8 (the test262 cases it covers pass on V8 too).
/// </summary>
public class ProxyInvariantTests
{
    [Theory]
    // [[GetPrototypeOf]] (§10.5.1): the trap result must be an object or null, and a non-extensible target's real prototype.
    // [[SetPrototypeOf]] (§10.5.2): a truish result on a non-extensible target needs V to be its prototype; the target is
    // asked IsExtensible then GetPrototypeOf only after the trap returned truish (test262 setPrototypeOf/internals-call-order).
    [InlineData("try { Object.getPrototypeOf(new Proxy({}, { getPrototypeOf() { return 1; } })); } catch (e) { e.name + ': ' + e.message }", "TypeError: 'getPrototypeOf' on proxy: trap returned neither object nor null")]
    [InlineData("var t = Object.preventExtensions({}); try { Object.getPrototypeOf(new Proxy(t, { getPrototypeOf() { return Array.prototype; } })); } catch (e) { e.name + ': ' + e.message }", "TypeError: 'getPrototypeOf' on proxy: proxy target is non-extensible but the trap did not return its actual prototype")]
    [InlineData("var t = Object.preventExtensions({}); try { Object.setPrototypeOf(new Proxy(t, { setPrototypeOf() { return true; } }), Array.prototype); } catch (e) { e.name + ': ' + e.message }", "TypeError: 'setPrototypeOf' on proxy: trap returned truish for setting a new prototype on the non-extensible proxy target")]
    [InlineData("var log = []; var t = new Proxy(Object.preventExtensions({}), { isExtensible(o) { log.push('isExtensible'); return Reflect.isExtensible(o); }, getPrototypeOf(o) { log.push('getPrototypeOf'); return Reflect.getPrototypeOf(o); } }); var p = new Proxy(t, { setPrototypeOf() { log.push('trap'); return true; } }); Reflect.setPrototypeOf(p, Object.prototype) + ' ' + log.join()", "true trap,isExtensible,getPrototypeOf")]
    public void GetPrototypeOfAndSetPrototypeOf(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // [[IsExtensible]] (§10.5.3) must agree with the target; [[PreventExtensions]] (§10.5.4) may not report success on an
    // extensible target.
    [InlineData("[(() => { try { Object.isExtensible(new Proxy({}, { isExtensible() { return false; } })); } catch (e) { return e.message; } })(), (() => { try { Object.preventExtensions(new Proxy({}, { preventExtensions() { return true; } })); } catch (e) { return e.message; } })()].join(' | ')", "'isExtensible' on proxy: trap result does not reflect extensibility of proxy target (which is 'true') | 'preventExtensions' on proxy: trap returned truish but the proxy target is extensible")]
    public void ExtensibilityTraps(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // [[GetOwnProperty]] (§10.5.5): undefined is not allowed for a non-configurable target property nor for any property of a
    // non-extensible target; a non-configurable report needs a non-configurable target property, non-writable needs a
    // non-writable one; the result must pass IsCompatiblePropertyDescriptor; CompletePropertyDescriptor fills the rest.
    [InlineData("var t = {}; Object.defineProperty(t, 'x', { value: 1 }); try { Object.getOwnPropertyDescriptor(new Proxy(t, { getOwnPropertyDescriptor() { } }), 'x'); } catch (e) { e.name + ': ' + e.message }", "TypeError: 'getOwnPropertyDescriptor' on proxy: trap returned undefined for property 'x' which is non-configurable in the proxy target")]
    [InlineData("var t = Object.preventExtensions({ x: 1 }); try { Object.getOwnPropertyDescriptor(new Proxy(t, { getOwnPropertyDescriptor() { } }), 'x'); } catch (e) { e.name + ': ' + e.message }", "TypeError: 'getOwnPropertyDescriptor' on proxy: trap returned undefined for property 'x' which exists in the non-extensible proxy target")]
    [InlineData("try { Object.getOwnPropertyDescriptor(new Proxy({ x: 1 }, { getOwnPropertyDescriptor() { return { value: 1, configurable: false }; } }), 'x'); } catch (e) { e.name + ': ' + e.message }", "TypeError: 'getOwnPropertyDescriptor' on proxy: trap reported non-configurability for property 'x' which is either non-existent or configurable in the proxy target")]
    [InlineData("var t = {}; Object.defineProperty(t, 'x', { value: 1, writable: true }); try { Object.getOwnPropertyDescriptor(new Proxy(t, { getOwnPropertyDescriptor() { return { value: 1, writable: false, configurable: false }; } }), 'x'); } catch (e) { e.name + ': ' + e.message }", "TypeError: 'getOwnPropertyDescriptor' on proxy: trap reported non-configurable and writable for property 'x' which is non-configurable, non-writable in the proxy target")]
    [InlineData("var t = Object.preventExtensions({}); try { Object.getOwnPropertyDescriptor(new Proxy(t, { getOwnPropertyDescriptor() { return { value: 1, configurable: true }; } }), 'x'); } catch (e) { e.name + ': ' + e.message }", "TypeError: 'getOwnPropertyDescriptor' on proxy: trap returned descriptor for property 'x' that is incompatible with the existing property in the proxy target")]
    [InlineData("var d = Object.getOwnPropertyDescriptor(new Proxy({ x: 1 }, { getOwnPropertyDescriptor() { return { configurable: true }; } }), 'x'); JSON.stringify(d) + ' ' + ('value' in d) + ' ' + Object.keys(d).join()", "{\"writable\":false,\"enumerable\":false,\"configurable\":true} true value,writable,enumerable,configurable")]
    public void GetOwnPropertyDescriptor(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // [[DefineOwnProperty]] (§10.5.6): after a truish trap result, a new property needs an extensible target and no
    // settingConfigFalse; an existing one must be compatible, configurable:false only over a non-configurable target property,
    // writable:false not over a non-configurable writable one. A falsish result skips the checks; the trap gets
    // FromPropertyDescriptor(Desc), so only the fields given.
    [InlineData("try { Object.defineProperty(new Proxy({}, { defineProperty() { return true; } }), 'x', { value: 1, configurable: false }); } catch (e) { e.name + ': ' + e.message }", "TypeError: 'defineProperty' on proxy: trap returned truish for defining non-configurable property 'x' which is either non-existent or configurable in the proxy target")]
    [InlineData("var t = {}; Object.defineProperty(t, 'x', { value: 1 }); try { Object.defineProperty(new Proxy(t, { defineProperty() { return true; } }), 'x', { value: 2 }); } catch (e) { e.name + ': ' + e.message }", "TypeError: 'defineProperty' on proxy: trap returned truish for adding property 'x'  that is incompatible with the existing property in the proxy target")]
    [InlineData("try { Object.defineProperty(new Proxy({ x: 1 }, { defineProperty() { return true; } }), 'x', { configurable: false }); } catch (e) { e.name + ': ' + e.message }", "TypeError: 'defineProperty' on proxy: trap returned truish for defining non-configurable property 'x' which is either non-existent or configurable in the proxy target")]
    [InlineData("var t = {}; Object.defineProperty(t, 'x', { value: 1, writable: true }); try { Object.defineProperty(new Proxy(t, { defineProperty() { return true; } }), 'x', { value: 1, writable: false, configurable: false }); } catch (e) { e.name + ': ' + e.message }", "TypeError: 'defineProperty' on proxy: trap returned truish for defining non-configurable property 'x' which cannot be non-writable, unless there exists a corresponding non-configurable, non-writable own property of the target object.")]
    [InlineData("var seen; var p = new Proxy(Object.preventExtensions({}), { defineProperty(t, k, d) { seen = k + ':' + Object.keys(d).join('/'); return false; } }); [Reflect.defineProperty(p, 'x', { value: 1, enumerable: true }), seen].join()", "false,x:value/enumerable")]
    public void DefineProperty(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // [[HasProperty]] (§10.5.7): a falsish result may not hide a non-configurable target property nor any property of a
    // non-extensible target; the `with` case is test262 has/return-false-target-not-extensible-using-with (sloppy).
    [InlineData("var t = {}; Object.defineProperty(t, 'x', { value: 1 }); try { 'x' in new Proxy(t, { has() { return false; } }); } catch (e) { e.name + ': ' + e.message }", "TypeError: 'has' on proxy: trap returned falsish for property 'x' which exists in the proxy target as non-configurable")]
    [InlineData("var t = Object.preventExtensions({ x: 1 }); try { Reflect.has(new Proxy(t, { has() { return 0; } }), 'x'); } catch (e) { e.name + ': ' + e.message }", "TypeError: 'has' on proxy: trap returned falsish for property 'x' but the proxy target is not extensible")]
    [InlineData("var t = Object.preventExtensions({ x: 1 }); var p = new Proxy(t, { has() { return false; } }); try { with (p) { x; } } catch (e) { e.name + ': ' + e.message }", "TypeError: 'has' on proxy: trap returned falsish for property 'x' but the proxy target is not extensible")]
    public void Has(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // [[Get]] (§10.5.8): a non-configurable non-writable data property reports its value (SameValue), a non-configurable
    // accessor without getter reports undefined. [[Set]] (§10.5.9): truish is not allowed for a different value on a frozen
    // data property, nor for a non-configurable accessor without setter.
    [InlineData("var t = {}; Object.defineProperty(t, 'x', { value: 1 }); try { new Proxy(t, { get() { return 2; } }).x; } catch (e) { e.name + ': ' + e.message }", "TypeError: 'get' on proxy: property 'x' is a read-only and non-configurable data property on the proxy target but the proxy did not return its actual value (expected '1' but got '2')")]
    [InlineData("var t = {}; Object.defineProperty(t, 'x', { set(v) {} }); try { new Proxy(t, { get() { return 2; } }).x; } catch (e) { e.name + ': ' + e.message }", "TypeError: 'get' on proxy: property 'x' is a non-configurable accessor property on the proxy target and does not have a getter function, but the trap did not return 'undefined' (got '2')")]
    [InlineData("var t = {}; Object.defineProperty(t, 'x', { value: 1 }); try { Reflect.set(new Proxy(t, { set() { return true; } }), 'x', 2); } catch (e) { e.name + ': ' + e.message }", "TypeError: 'set' on proxy: trap returned truish for property 'x' which exists in the proxy target as a non-configurable and non-writable data property with a different value")]
    [InlineData("var t = {}; Object.defineProperty(t, 'x', { get() { return 1; } }); try { Reflect.set(new Proxy(t, { set() { return true; } }), 'x', 2); } catch (e) { e.name + ': ' + e.message }", "TypeError: 'set' on proxy: trap returned truish for property 'x' which exists in the proxy target as a non-configurable and non-writable accessor property without a setter")]
    public void GetAndSet(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // [[Delete]] (§10.5.10): truish is not allowed for a non-configurable target property, nor for an existing one on a
    // non-extensible target.
    [InlineData("var t = {}; Object.defineProperty(t, 'x', { value: 1 }); try { delete new Proxy(t, { deleteProperty() { return true; } }).x; } catch (e) { e.name + ': ' + e.message }", "TypeError: 'deleteProperty' on proxy: trap returned truish for property 'x' which is non-configurable in the proxy target")]
    [InlineData("try { Reflect.deleteProperty(new Proxy(Object.preventExtensions({ x: 1 }), { deleteProperty() { return true; } }), 'x'); } catch (e) { e.name + ': ' + e.message }", "TypeError: 'deleteProperty' on proxy: trap returned truish for property 'x' but the proxy target is non-extensible")]
    public void DeleteProperty(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // [[OwnPropertyKeys]] (§10.5.11): CreateListFromArrayLike with String/Symbol only (checked element by element, so the
    // getters after a bad one never run), no duplicates, every non-configurable target key present (also for Object.keys,
    // which filters non-enumerable keys only afterwards), and for a non-extensible target exactly the target's keys.
    // A valid result comes back in the trap's order.
    [InlineData("try { Object.keys(new Proxy({}, { ownKeys() { return ['a', 1]; } })); } catch (e) { e.name + ': ' + e.message }", "TypeError: 1 is not a valid property name")]
    [InlineData("try { Reflect.ownKeys(new Proxy({}, { ownKeys() { return ['a', 'b', 'a']; } })); } catch (e) { e.name + ': ' + e.message }", "TypeError: 'ownKeys' on proxy: trap returned duplicate entries")]
    [InlineData("var t = {}; Object.defineProperty(t, 'hidden', { value: 1 }); try { Object.keys(new Proxy(t, { ownKeys() { return []; } })); } catch (e) { e.name + ': ' + e.message }", "TypeError: 'ownKeys' on proxy: trap result did not include 'hidden'")]
    [InlineData("try { Reflect.ownKeys(new Proxy(Object.preventExtensions({ a: 1 }), { ownKeys() { return ['a', 'b']; } })); } catch (e) { e.name + ': ' + e.message }", "TypeError: 'ownKeys' on proxy: trap returned extra keys but proxy target is non-extensible")]
    [InlineData("try { Reflect.ownKeys(new Proxy(Object.preventExtensions({ a: 1, b: 2 }), { ownKeys() { return ['b']; } })); } catch (e) { e.name + ': ' + e.message }", "TypeError: 'ownKeys' on proxy: trap result did not include 'a'")]
    [InlineData("var s = Symbol('s'); var t = {}; Object.defineProperty(t, 'nc', { value: 1 }); Reflect.ownKeys(new Proxy(t, { ownKeys() { return [s, 'z', 'nc', '1']; } })).map(String).join()", "Symbol(s),z,nc,1")]
    [InlineData("var log = []; var arrayLike = { length: 3, get 0() { log.push(0); return 'a'; }, get 1() { log.push(1); return {}; }, get 2() { log.push(2); return 'c'; } }; try { Reflect.ownKeys(new Proxy({}, { ownKeys() { return arrayLike; } })); } catch (e) { log.push(e.name); } log.join()", "0,1,TypeError")]
    public void OwnKeys(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // ValidateNonRevokedProxy first (revoke is idempotent; a revoked callable proxy stays typeof "function" and a constructor),
    // GetMethod for the trap (undefined/null forwards to the target, a non-callable is a TypeError), target and handler read
    // before the trap lookup, so a handler getter that revokes the proxy does not stop this operation. GetFunctionRealm
    // (§7.3.24) of a revoked proxy throws: test262 Function/internals/Construct/base-ctor-revoked-proxy (V8's message there
    // says 'undefined' for the operation, so only the error type is compared).
    [InlineData("var r = Proxy.revocable({}, {}); r.revoke(); r.revoke(); try { r.proxy.x; } catch (e) { e.name + ': ' + e.message }", "TypeError: Cannot perform 'get' on a proxy that has been revoked")]
    [InlineData("var r = Proxy.revocable(function () {}, {}); r.revoke(); var out = [typeof r.proxy]; try { new r.proxy(); } catch (e) { out.push(e.message); } try { r.proxy(); } catch (e) { out.push(e.message); } out.join(' | ')", "function | Cannot perform 'construct' on a proxy that has been revoked | Cannot perform 'apply' on a proxy that has been revoked")]
    [InlineData("var r = Proxy.revocable(function () {}, { get() { r.revoke(); } }); try { new r.proxy(); 'no error'; } catch (e) { e.name }", "TypeError")]
    [InlineData("var log = []; var r = Proxy.revocable({ x: 1 }, { get get() { r.revoke(); log.push('lookup'); return function (t, k) { log.push('trap ' + (this === undefined)); return t[k] + 1; }; } }); log.push(r.proxy.x); log.join()", "lookup,trap false,2")]
    [InlineData("[new Proxy({ x: 1 }, { get: null }).x, 'x' in new Proxy({ x: 1 }, { has: undefined }), (() => { try { new Proxy({ x: 1 }, { get: 1 }).x; } catch (e) { return e.name; } })()].join()", "1,true,TypeError")]
    public void RevocationAndTrapLookup(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));

    [Theory]
    // [[Construct]] (§10.5.13) needs an object from the trap; [[Call]] (§10.5.12) gets (target, this, argArray).
    // Object.prototype.toString uses IsArray, which sees through (nested) proxies; any other proxy of a non-callable is
    // "Object" (a proxy has no [[DateValue]] slot even when its target has).
    [InlineData("try { new (new Proxy(function () {}, { construct() { return 1; } }))(); } catch (e) { e.name + ': ' + e.message }", "TypeError: 'construct' on proxy: trap returned non-object ('1')")]
    [InlineData("var p = new Proxy(function () { return 'target'; }, { apply(t, self, args) { return [self, Array.isArray(args), args.length, args.join('+')].join(); } }); p.call('me', 1, 2)", "me,true,2,1+2")]
    [InlineData("[Object.prototype.toString.call(new Proxy([], {})), Object.prototype.toString.call(new Proxy(new Proxy([], {}), {})), Object.prototype.toString.call(new Proxy(function () {}, {})), Object.prototype.toString.call(new Proxy(new Date(0), {})), Array.isArray(new Proxy([], {}))].join()", "[object Array],[object Array],[object Function],[object Object],true")]
    public void CallConstructAndToString(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));
}

public class ArraySpeciesThroughProxiesTests
{
    [Theory]
    // ArraySpeciesCreate (§10.4.2.3) asks IsArray, which sees through a proxy: map/filter/slice/concat on a proxy of an
    // array read its "constructor" (here a species returning a marked array); a revoked proxy throws. Expected values from node.
    [InlineData("const seen = []; const arr = [1, 2]; arr.constructor = { [Symbol.species]: function (n) { seen.push(n); const a = []; a.marked = true; return a; } }; const p = new Proxy(arr, {}); [Array.prototype.map.call(p, x => x).marked, Array.prototype.filter.call(p, () => true).marked, Array.prototype.slice.call(p).marked, seen.join()].join()", "true,true,true,2,0,2")]
    [InlineData("const { proxy, revoke } = Proxy.revocable([], {}); revoke(); try { Array.prototype.concat.call(proxy); } catch (e) { e.constructor.name }", "TypeError")]
    [InlineData("Array.isArray(Array.prototype.map.call(new Proxy([1], {}), x => x))", "true")]
    public void SpeciesCreateOnProxies(string source, string expected) => Assert.Equal(expected, TestHost.Run(source));
}
