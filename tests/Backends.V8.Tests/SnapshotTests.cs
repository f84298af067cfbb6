using DualEngine.Abstractions.Engines;

namespace DualEngine.Backends.V8.Tests;

public class SnapshotTests
{
    private static readonly ScriptSource[] Bootstrap =
    [
        new("boot.js", """
            globalThis.bootValue = 41;
            globalThis.bootCount = (globalThis.bootCount ?? 0) + 1;
            __core.setHook('answer', (x) => { __core.ops.op_test_print('answer:' + (bootValue + x)); return true; });
            globalThis.warm = (n) => { let s = 0; for (let i = 0; i < n; i++) s = __core.ops.op_fast_add(s, 1); return s; };
            """),
    ];

    [Fact]
    public void Realm_starts_from_the_snapshot_without_evaluating_bootstrap_sources()
    {
        string path = Path.Combine(Path.GetTempPath(), $"dv8-{Guid.NewGuid():N}.snapshot");
        try
        {
            TestOps.Engine.CreateSnapshot(TestOps.All, Bootstrap, path);
            var logs = new List<string>();
            using var realm = new V8Engine(path).CreateRealm(new RealmOptions { Ops = TestOps.All, Bootstrap = Bootstrap, Log = logs.Add });
            Assert.Contains(logs, l => l.Contains("snapshot loaded"));
            // Evaluated once, when the snapshot was made; evaluating the sources again would make it 2.
            realm.EvaluateScript("__core.ops.op_test_print('boot-count:' + bootCount)", "c.js");
            lock (TestOps.Printed) Assert.Contains("boot-count:1", TestOps.Printed);
            // State and hooks made by the bootstrap code came with the snapshot.
            Assert.True(realm.CallHook("answer", [Abstractions.Ops.OpValue.From(1)]));
            lock (TestOps.Printed) Assert.Contains("answer:42", TestOps.Printed);
            // Fast calls from a snapshot (spike pitfall 2: the fast pointers must be external references).
            realm.EvaluateScript("for (let i = 0; i < 30; i++) warm(20000); __core.ops.op_test_print('warm:' + warm(5))", "w.js");
            lock (TestOps.Printed) Assert.Contains("warm:5", TestOps.Printed);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("__core.ops.op_test_print('x')")]  // through IOpCall
    [InlineData("__core.ops.op_fast_add(1, 2)")]   // through its typed slow entry
    public void Op_called_while_making_a_snapshot_is_a_clear_error(string call)
    {
        string path = Path.Combine(Path.GetTempPath(), $"dv8-{Guid.NewGuid():N}.snapshot");
        var ex = Assert.Throws<InvalidOperationException>(() =>
            TestOps.Engine.CreateSnapshot(TestOps.All, [new ScriptSource("bad.js", call)], path));
        Assert.Contains("ops cannot be called while the startup snapshot is made", ex.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Snapshot_of_more_bootstrap_sources_does_not_match_their_first_part()
    {
        // The fingerprint holds the sources themselves: one that merely begins with the expected one must not
        // pass (its blob would be read from the wrong offset).
        string path = Path.Combine(Path.GetTempPath(), $"dv8-{Guid.NewGuid():N}.snapshot");
        try
        {
            TestOps.Engine.CreateSnapshot(TestOps.All, [.. Bootstrap, new ScriptSource("more.js", "globalThis.more = 1;")], path);
            var logs = new List<string>();
            using var realm = new V8Engine(path).CreateRealm(new RealmOptions { Ops = TestOps.All, Bootstrap = Bootstrap, Log = logs.Add });
            Assert.Contains(logs, l => l.Contains("does not match this build"));
            realm.EvaluateScript("__core.ops.op_test_print('more:' + typeof more)", "m.js");
            lock (TestOps.Printed) Assert.Contains("more:undefined", TestOps.Printed);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Stale_snapshot_is_ignored_and_sources_are_evaluated()
    {
        string path = Path.Combine(Path.GetTempPath(), $"dv8-{Guid.NewGuid():N}.snapshot");
        try
        {
            TestOps.Engine.CreateSnapshot(TestOps.All, Bootstrap, path);
            var changed = new[] { new ScriptSource("boot.js", "globalThis.bootValue = 1;") };
            var logs = new List<string>();
            using var realm = new V8Engine(path).CreateRealm(new RealmOptions { Ops = TestOps.All, Bootstrap = changed, Log = logs.Add });
            Assert.Contains(logs, l => l.Contains("does not match this build"));
            realm.EvaluateScript("__core.ops.op_test_print('stale:' + bootValue)", "s.js");
            lock (TestOps.Printed) Assert.Contains("stale:1", TestOps.Printed);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
