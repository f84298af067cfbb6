using DualEngine.Abstractions.Ops;

namespace DualEngine.Runtime.Resources;

/// <summary>
/// The resources of one realm by integer id (deno_core's ResourceTable). Rids 0, 1 and 2 are reserved for
/// stdin, stdout and stderr (placed with <see cref="AddStdio"/>); others are handed out from 3 upward and
/// never reused, so a stale rid cannot reach a newer resource. Thread-safe: async ops may look resources
/// up from the thread pool.
/// </summary>
public sealed class ResourceTable : IDisposable
{
    public const int Stdin = 0;
    public const int Stdout = 1;
    public const int Stderr = 2;

    private readonly SortedDictionary<int, IResource> _resources = new();
    private readonly object _gate = new();
    private int _nextRid = 3;

    public int Count
    {
        get { lock (_gate) return _resources.Count; }
    }

    /// <summary>Adds a resource and returns its new rid.</summary>
    public int Add(IResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        lock (_gate)
        {
            var rid = _nextRid++;
            _resources.Add(rid, resource);
            return rid;
        }
    }

    /// <summary>Places a standard stream at its reserved rid (0 stdin, 1 stdout, 2 stderr).</summary>
    public void AddStdio(int rid, IResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (rid is < Stdin or > Stderr) throw new ArgumentOutOfRangeException(nameof(rid), rid, "only rids 0, 1 and 2 are reserved for stdio");
        lock (_gate)
        {
            if (!_resources.TryAdd(rid, resource)) throw new InvalidOperationException($"rid {rid} is already in use");
        }
    }

    /// <summary>The resource at <paramref name="rid"/>; OpError "BadResource" when there is none or it is another kind.</summary>
    public T Get<T>(int rid) where T : class, IResource =>
        TryGet<T>(rid, out var resource) ? resource : throw BadResource();

    public bool TryGet<T>(int rid, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? resource) where T : class, IResource
    {
        lock (_gate)
        {
            resource = _resources.TryGetValue(rid, out var found) ? found as T : null;
            return resource is not null;
        }
    }

    /// <summary>Removes the resource without closing it, handing ownership to the caller (e.g. upgrading a connection).</summary>
    public T Take<T>(int rid) where T : class, IResource
    {
        lock (_gate)
        {
            if (!_resources.TryGetValue(rid, out var found) || found is not T resource) throw BadResource();
            _resources.Remove(rid);
            return resource;
        }
    }

    /// <summary>
    /// Removes and closes the resource: its pending async work is cancelled (those ops reject with
    /// "Interrupted") and it is released. OpError "BadResource" when the rid is not open.
    /// </summary>
    public void Close(int rid)
    {
        IResource? resource;
        lock (_gate)
        {
            if (!_resources.Remove(rid, out resource)) throw BadResource();
        }
        // Outside the lock: releasing may block on I/O, and must not stall other lookups.
        resource.Close();
    }

    /// <summary>rid → name of every open resource, in rid order: what <c>Deno.resources()</c> returns.</summary>
    public IReadOnlyList<KeyValuePair<int, string>> Names()
    {
        lock (_gate) return _resources.Select(r => new KeyValuePair<int, string>(r.Key, r.Value.Name)).ToList();
    }

    /// <summary>Closes every resource (realm teardown), newest first so dependents close before what they use.</summary>
    public void Dispose()
    {
        List<IResource> all;
        lock (_gate)
        {
            all = _resources.Values.Reverse().ToList();
            _resources.Clear();
        }
        foreach (var resource in all) resource.Close();
    }

    private static OpError BadResource() => new("BadResource", "Bad resource ID");
}
