using DualEngine.Abstractions.Engines;
using DualEngine.Test262.Host;

namespace DualEngine.Test262.Running;

/// <summary>
/// Terminates a realm whose test runs past its time budget, and keeps terminating every second
/// after that: a nested $262.evalScript recovers from one termination, and the outer script must
/// still stop. Disposing it (before the realm) guarantees no Terminate reaches a disposed realm.
/// </summary>
public sealed class Watchdog : IDisposable
{
    private readonly Lock _gate = new();
    private readonly IRealm _realm;
    private readonly TestHost _host;
    private readonly Timer _timer;
    private bool _disposed;

    public Watchdog(IRealm realm, TestHost host, TimeSpan budget)
    {
        _realm = realm;
        _host = host;
        _timer = new Timer(_ => Fire(), null, budget, TimeSpan.FromSeconds(1));
    }

    public bool Fired => _host.TimedOut;

    private void Fire()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _host.TimedOut = true;
            _realm.Terminate("test262 time budget spent");
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer.Dispose();
        }
    }
}
