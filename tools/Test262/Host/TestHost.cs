using DualEngine.Abstractions.Engines;

namespace DualEngine.Test262.Host;

/// <summary>
/// Per-realm state the test262 host ops share (put into the realm's OpState): the realm itself, for
/// $262.evalScript, and what the test printed, for async tests' completion messages.
/// </summary>
public sealed class TestHost
{
    public IRealm? Realm { get; set; }

    /// <summary>Lines passed to print(), in order.</summary>
    public List<string> Printed { get; } = [];

    /// <summary>Set by the watchdog when the time budget is spent: nested evalScript calls must not swallow the termination.</summary>
    public volatile bool TimedOut;
}
