using DualEngine.Engine;

namespace DualEngine.Engine.Tests;

/// <summary>Fresh engine and realm per test (Jint style): evaluate and compare in one line.</summary>
internal static class TestHost
{
    /// <summary>Tests run with limits so a runaway script fails the test instead of hanging the run.</summary>
    public static Realm NewRealm(EngineOptions? options = null) =>
        new JsEngine(options ?? new EngineOptions { TimeLimit = TimeSpan.FromSeconds(10), MemoryLimitBytes = 512L << 20 }).CreateRealm();

    /// <summary>Evaluates a script in a fresh realm, runs microtasks, and returns the completion value as a display string.</summary>
    public static string Run(string source)
    {
        var realm = NewRealm();
        var result = realm.Evaluate(source, "test.js");
        realm.RunMicrotasks();
        return result.ToString();
    }

    /// <summary>Evaluates and returns the value of the global `result` after microtasks (for async tests).</summary>
    public static string RunAsync(string source)
    {
        var realm = NewRealm();
        realm.Evaluate(source, "test.js");
        realm.RunMicrotasks();
        return realm.GetGlobal("result").ToString();
    }

    public static JsEngineException Throws(string source, EngineOptions? options = null)
    {
        var realm = NewRealm(options);
        return Assert.Throws<JsEngineException>(() =>
        {
            realm.Evaluate(source, "test.js");
            realm.RunMicrotasks();
        });
    }
}
