namespace DualEngine.Engine.Tests;

public class HostValueTests
{
    [Fact]
    public void BuildObjectsForScripts()
    {
        var realm = TestHost.NewRealm();
        var ops = realm.CreateObject();
        realm.SetProperty(ops, "op_add", realm.CreateFunction("op_add", (in JsValue t, ReadOnlySpan<JsValue> a) => a[0].AsNumber() + a[1].AsNumber(), 2));
        realm.SetProperty(ops, "list", realm.CreateArray([1, "two", true]));
        realm.SetGlobal("ops", ops);
        Assert.Equal("5|1,two,true|op_add", realm.Evaluate("ops.op_add(2, 3) + '|' + ops.list.join() + '|' + ops.op_add.name", "h.js").ToString());
        Assert.Equal(["op_add", "list"], realm.GetOwnKeys(ops));
    }

    [Fact]
    public void HostPromisesSettleAtCheckpoint()
    {
        var realm = TestHost.NewRealm();
        var p = realm.CreatePromise(out var resolver);
        realm.SetGlobal("pending", p);
        realm.Evaluate("var got; pending.then(v => { got = v; });", "h.js");
        resolver.Resolve("done");
        Assert.Equal(JsPromiseState.Fulfilled, realm.GetPromiseState(p, out var value));
        Assert.Equal("done", value.ToString());
        Assert.Equal("undefined", realm.GetGlobal("got").ToString());
        realm.RunMicrotasks();
        Assert.Equal("done", realm.GetGlobal("got").ToString());
    }

    [Fact]
    public void HostRejectionWithError()
    {
        var realm = TestHost.NewRealm();
        var p = realm.CreatePromise(out var resolver);
        realm.SetGlobal("pending", p);
        realm.Evaluate("var msg; pending.catch(e => { msg = e.name + ':' + e.message; });", "h.js");
        resolver.Reject(realm.CreateError("NotFound", "no such file"));
        realm.RunMicrotasks();
        Assert.Equal("NotFound:no such file", realm.GetGlobal("msg").ToString());
    }

    [Fact]
    public void ObserveScriptPromise()
    {
        var realm = TestHost.NewRealm();
        var p = realm.Evaluate("(async () => 41 + 1)()", "h.js");
        string? seen = null;
        realm.OnSettled(p, (v, rejected) => seen = (rejected ? "rejected:" : "fulfilled:") + v);
        realm.RunMicrotasks();
        Assert.Equal("fulfilled:42", seen);
    }
}
