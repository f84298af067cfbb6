namespace DualEngine.Engine.Tests;

public class ErrorTests
{
    [Fact]
    public void UncaughtErrorCarriesLocation()
    {
        var e = TestHost.Throws("let a = 1;\nfunction boom() {\n  throw new TypeError('bad thing');\n}\nboom();");
        Assert.Equal("TypeError", e.Name);
        Assert.Equal("bad thing", e.JsMessage);
        Assert.Equal("test.js", e.FileName);
        Assert.Equal(3, e.Line);
        Assert.Equal(9, e.Column);
        Assert.Contains("at boom (test.js:3:9)", e.JsStack);
        Assert.Contains("at test.js:5:1", e.JsStack);
    }

    [Fact]
    public void EngineErrorsHaveStacks() => Assert.Contains("at f (test.js:1:", TestHost.Run("function f() { return null.x; } try { f(); } catch (e) { e.stack }"));

    [Fact]
    public void ThrownNonErrorValue()
    {
        var e = TestHost.Throws("throw 42");
        Assert.Equal("Uncaught", e.Name);
        Assert.False(e.IsErrorObject);
        Assert.Equal("42", e.Message);
    }

    [Fact]
    public void SyntaxErrorsHavePositions()
    {
        var e = TestHost.Throws("let x = ;");
        Assert.Equal("SyntaxError", e.Name);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void ErrorToStringAndProperties() => Assert.Equal("RangeError: r,r,true,cause1", TestHost.Run(@"
        const e = new RangeError('r', { cause: 'cause1' });
        [String(e), e.message, e instanceof Error, e.cause].join()"));

    [Fact]
    public void NotAFunctionMessageNamesTheCallee() => Assert.Equal("TypeError: obj.nope is not a function", TestHost.Throws("const obj = {}; obj.nope();").Message);

    [Fact]
    public void ReadingPropertyOfUndefined() => Assert.Equal("TypeError: Cannot read properties of undefined (reading 'x')", TestHost.Throws("let u; u.x").Message);

    [Fact]
    public void AggregateError() => Assert.Equal("2,all", TestHost.Run("const e = new AggregateError([1, 2], 'all'); [e.errors.length, e.message].join()"));
}

public class HostApiTests
{
    [Fact]
    public void HostFunctions()
    {
        var realm = TestHost.NewRealm();
        var log = new List<string>();
        realm.SetGlobalFunction("log", (in JsValue t, ReadOnlySpan<JsValue> a) => { log.Add(a[0].ToString()); return JsValue.FromNumber(a.Length); }, 1);
        var r = realm.Evaluate("log('hello'); log('a', 'b')", "h.js");
        Assert.Equal(["hello", "a"], log);
        Assert.Equal(2, r.AsNumber());
    }

    [Fact]
    public void HostExceptionsBecomeJsErrors()
    {
        var realm = TestHost.NewRealm();
        realm.SetGlobalFunction("fail", (in JsValue t, ReadOnlySpan<JsValue> a) => throw new InvalidOperationException("host says no"));
        Assert.Equal("Error:host says no", realm.Evaluate("try { fail(); } catch (e) { e.name + ':' + e.message }", "h.js").ToString());
    }

    [Fact]
    public void CallJsFunctionFromHost()
    {
        var realm = TestHost.NewRealm();
        realm.Evaluate("function add(a, b) { return a + b; }", "h.js");
        var add = realm.GetGlobal("add");
        Assert.Equal(5, realm.Call(add, JsValue.Undefined, 2, 3).AsNumber());
    }

    [Fact]
    public void JsonRoundTrip()
    {
        var realm = TestHost.NewRealm();
        var v = realm.ParseJson("{\"a\":[1,2,{\"b\":null}],\"c\":\"x\"}");
        Assert.Equal("{\"a\":[1,2,{\"b\":null}],\"c\":\"x\"}", realm.ToJson(v));
        Assert.Equal("x", realm.GetProperty(v, "c").ToString());
    }

    [Fact]
    public void ValueKinds()
    {
        var realm = TestHost.NewRealm();
        Assert.Equal(JsValueKind.Object, realm.Evaluate("({})", "k.js").Kind);
        Assert.Equal(JsValueKind.String, realm.Evaluate("'s'", "k.js").Kind);
        Assert.Equal(JsValueKind.Undefined, realm.Evaluate("undefined", "k.js").Kind);
        Assert.Equal(JsValueKind.BigInt, realm.Evaluate("1n", "k.js").Kind);
    }
}
