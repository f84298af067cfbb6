using DualEngine.Abstractions.Engines;
using DualEngine.Abstractions.Ops;

namespace DualEngine.Backends.V8.Tests;

/// <summary>
/// The typed slow entry (DirectOpInfo: the shim converts the arguments, one call into C#) against Invoke
/// (IOpCall): the same ops in two realms, one that may only use the typed entries (Invoke throws) and one
/// without them, must give the same results and errors for every kind of argument.
/// </summary>
public class TypedSlowPathTests
{
    private static readonly OpDescriptor Print = TestOps.All.Single(o => o.Name == "op_test_print");

    // Invoke replaced by a throw: a call that does not take the typed entry fails visibly.
    private static readonly OpDescriptor[] TypedOnly =
    [
        Print,
        .. TypedOps.Descriptors.Select(d => d.Direct is null ? d : new OpDescriptor
        {
            Name = d.Name, Kind = d.Kind, Direct = d.Direct,
            Invoke = _ => throw new InvalidOperationException("the typed entry was bypassed"),
        }),
    ];

    private static readonly OpDescriptor[] InvokeOnly =
    [
        Print,
        .. TypedOps.Descriptors.Select(d => new OpDescriptor { Name = d.Name, Kind = d.Kind, Invoke = d.Invoke }),
    ];

    private static IRealm NewRealm(OpDescriptor[] ops)
    {
        var state = new OpState();
        state.Put(new TypedCounter());
        var realm = TestOps.Engine.CreateRealm(new RealmOptions { Ops = ops, State = state });
        realm.EvaluateScript("""
            __core.setErrorFactory((cls, msg) => { const e = new Error(msg); e.name = 'Custom' + cls; return e; });
            globalThis.show = (f) => {
              try { const v = f(); return (Object.is(v, -0) ? '-0' : String(v)) + ':' + typeof v; }
              catch (e) { return 'threw ' + e; }
            };
            """, "setup.js");
        return realm;
    }

    private static string Eval(IRealm realm, string expression)
    {
        string tag = Guid.NewGuid().ToString("N");
        realm.EvaluateScript($"__core.ops.op_test_print('{tag}' + show(() => {expression}))", "probe.js");
        lock (TestOps.Printed) return TestOps.Printed.Last(p => p.StartsWith(tag, StringComparison.Ordinal))[tag.Length..];
    }

    private static readonly string[] Arguments =
    [
        "7", "-7", "0", "-0", "2**30", "2**31", "-(2**31)", "-(2**31) - 1", "2**32 + 5", "4294967295", "2**53 + 2", "1e300", "-1e300",
        "1.9", "-1.9", "0.5", "-0.5", "NaN", "Infinity", "-Infinity",
        "'12'", "' 3 '", "''", "'x'", "true", "false", "undefined", "null",
        "0n", "1n", "2n**64n", "Symbol('s')", "{}", "[]", "[5]", "new Uint8Array(2)",
        "({ valueOf() { return 3.5 } })", "({ valueOf() { throw new Error('no') } })",
        "({ valueOf() { return __core.ops.op_typed_int(40) + 2 } })",
    ];

    public static TheoryData<string> Ops => new()
    {
        "op_typed_int", "op_typed_uint", "op_typed_double", "op_typed_bool", "op_typed_long", "op_typed_enum", "op_typed_void",
    };

    [Theory]
    [MemberData(nameof(Ops))]
    public void Typed_entry_converts_every_kind_of_argument_like_Invoke(string op)
    {
        using var typed = NewRealm(TypedOnly);
        using var invoke = NewRealm(InvokeOnly);
        var calls = Arguments.Select(a => $"__core.ops.{op}({a})").Append($"__core.ops.{op}()").ToArray();
        var viaTyped = calls.Select(c => c + " => " + Eval(typed, c)).ToArray();
        var viaInvoke = calls.Select(c => c + " => " + Eval(invoke, c)).ToArray();
        Assert.Equal(viaInvoke, viaTyped);
        // Conversions never throw (a throwing valueOf gives NaN, as IOpCall's getters do).
        Assert.DoesNotContain(viaTyped, r => r.Contains("threw", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("op_typed_int(2**32 + 5)", "5:number")]
    [InlineData("op_typed_int(-1.9)", "-1:number")]
    [InlineData("op_typed_int({ valueOf() { return __core.ops.op_typed_int(40) + 2 } })", "42:number")]
    [InlineData("op_typed_uint(-1)", "4294967295:number")]
    [InlineData("op_typed_double('12')", "12:number")]
    [InlineData("op_typed_double(-0)", "-0:number")]
    [InlineData("op_typed_double()", "NaN:number")]
    [InlineData("op_typed_double({ valueOf() { throw new Error('no') } })", "NaN:number")]
    [InlineData("op_typed_bool(0n)", "false:boolean")]
    [InlineData("op_typed_bool(2n**64n)", "true:boolean")]
    [InlineData("op_typed_bool('')", "false:boolean")]
    [InlineData("op_typed_bool(NaN)", "false:boolean")]
    [InlineData("op_typed_bool({})", "true:boolean")]
    [InlineData("op_typed_long(-3.9)", "-3:number")]
    [InlineData("op_typed_long(Infinity)", "0:number")]
    [InlineData("op_typed_enum(2)", "2:number")]
    [InlineData("op_typed_void(1)", "undefined:undefined")]
    public void Typed_entry_converts_as_ECMAScript_says(string call, string expected)
    {
        using var typed = NewRealm(TypedOnly);
        Assert.Equal(expected, Eval(typed, "__core.ops." + call));
    }

    [Fact]
    public void Ops_with_numbers_and_booleans_in_and_out_get_a_typed_entry_and_others_do_not()
    {
        OpDescriptor Op(string name) => TypedOps.Descriptors.Single(d => d.Name == name);
        Assert.NotNull(Op("op_typed_count").Direct);
        Assert.Equal([FastType.Int32, FastType.Float64, FastType.Bool, FastType.UInt32, FastType.Float64, FastType.Int32, FastType.Float64, FastType.Bool],
            Op("op_typed_mix_number").Direct!.ArgumentTypes);
        Assert.Null(Op("op_typed_mix").Direct);  // a string result
    }

    [Fact]
    public void Eight_mixed_arguments_convert_like_Invoke()
    {
        using var typed = NewRealm(TypedOnly);
        using var invoke = NewRealm(InvokeOnly);
        foreach (var args in new[] { "1, 2.5, true, -1, 3.9, 2, 0.25, 1", "'4', null, 'x', 2**32 + 1, -3.9, 1, undefined, {}", "" })
        {
            string call = $"__core.ops.op_typed_mix_number({args})";
            Assert.Equal(Eval(invoke, call), Eval(typed, call));
        }
        Assert.Equal("4294967305.75:number", Eval(typed, "__core.ops.op_typed_mix_number(1, 2.5, true, -1, 3.9, 2, 0.25, 1)"));
    }

    [Fact]
    public void Typed_entry_gets_the_realms_state()
    {
        using var typed = NewRealm(TypedOnly);
        using var invoke = NewRealm(InvokeOnly);
        foreach (var realm in new[] { typed, invoke })
        {
            Assert.Equal("2:number", Eval(realm, "__core.ops.op_typed_count(2)"));
            Assert.Equal("5:number", Eval(realm, "__core.ops.op_typed_count(3)"));
        }
    }

    [Fact]
    public void Typed_entry_errors_become_the_same_js_errors_and_never_escape()
    {
        using var typed = NewRealm(TypedOnly);
        using var invoke = NewRealm(InvokeOnly);
        foreach (var call in new[] { "__core.ops.op_typed_fail(0)", "__core.ops.op_typed_fail(1)" })
            Assert.Equal(Eval(invoke, call), Eval(typed, call));
        Assert.Equal("threw CustomNotFound: code 0", Eval(typed, "__core.ops.op_typed_fail(0)"));
        Assert.Equal("threw Error: boom 1", Eval(typed, "__core.ops.op_typed_fail(1)"));
        // The realm keeps working after an op threw, also from optimized code in a loop.
        Assert.Equal("1000:number", Eval(typed,
            "(() => { let n = 0; for (let i = 0; i < 2000; i++) { try { __core.ops.op_typed_fail(i % 2) } catch { n++ } } return n / 2 })()"));
    }

    [Fact]
    public void Typed_entry_agrees_with_Invoke_from_optimized_code()
    {
        using var typed = NewRealm(TypedOnly);
        using var invoke = NewRealm(InvokeOnly);
        const string loop = """
            (() => {
              const { op_typed_int, op_typed_double, op_typed_bool, op_typed_uint } = __core.ops;
              let s = 0, d = 0, b = 0, u = 0;
              for (let i = 0; i < 200000; i++) {
                s = (s + op_typed_int(i * 3)) | 0;
                d += op_typed_double(i / 4);
                if (op_typed_bool(i % 3)) b++;
                u = (u + op_typed_uint(-i)) % 1e9;
              }
              return [s, d, b, u].join();
            })()
            """;
        Assert.Equal(Eval(invoke, loop), Eval(typed, loop));
    }
}
