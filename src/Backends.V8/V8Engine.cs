using System.Runtime.InteropServices;
using System.Text;
using DualEngine.Abstractions.Engines;
using DualEngine.Abstractions.Ops;
using DualEngine.Backends.V8.Native;

namespace DualEngine.Backends.V8;

/// <summary>
/// V8 10.2 (Debian's libnode108) through the dv8 shim. V8's platform is process-wide and initialized once;
/// engines are cheap. Native op tables are built once per distinct op list and kept for the process.
/// </summary>
public sealed unsafe class V8Engine : IJsEngine
{
    private static readonly Lock Gate = new();
    private static bool s_initialized;
    private static readonly Dictionary<string, nint> s_opTables = new(StringComparer.Ordinal);

    /// <param name="snapshotPath">A startup snapshot made by <see cref="CreateSnapshot"/>; used when its fingerprint matches.</param>
    /// <param name="v8Flags">Extra V8 flags (e.g. "--stack-size=500"); applied once per process.</param>
    public V8Engine(string? snapshotPath = null, string? v8Flags = null)
    {
        SnapshotPath = snapshotPath;
        EnsureInitialized(v8Flags);
    }

    public string Name => "v8";

    public string Version => V8Values.Utf8(Dv8.Version()) ?? "unknown";

    public string? SnapshotPath { get; }

    /// <summary>
    /// For a host that ends the process as soon as its runtimes are disposed (the dualrt command line): disposing
    /// a realm then leaves its isolate for the operating system to reclaim, as node and deno do at exit, instead of
    /// tearing its heap down page by page just before the process ends anyway. Any other host must keep the
    /// default (false), or every disposed realm leaks its isolate.
    /// </summary>
    public bool LeaveIsolatesAtExit { get; init; }

    /// <summary>Fast-path calls V8 made to ops, summed (read by tests and benchmarks).</summary>
    public static long FastCallCount(OpDescriptor op) => op.Fast?.CallCount() ?? 0;

    public IRealm CreateRealm(RealmOptions options)
    {
        var ops = options.Ops.ToArray();
        nint table = OpTable(ops);
        MappedSnapshot? snapshot = LoadSnapshot(options, out string why);
        var realm = new V8Realm(ops, table, options, snapshot) { LeaveIsolateAtExit = LeaveIsolatesAtExit };
        if (realm.FromSnapshot)
        {
            options.Log?.Invoke($"v8: startup snapshot loaded from {SnapshotPath}");
            return realm;
        }
        options.Log?.Invoke($"v8: no startup snapshot ({why}); evaluating {options.Bootstrap.Count} bootstrap sources");
        try
        {
            foreach (var script in options.Bootstrap) realm.EvaluateScript(script.Source, script.Name);
        }
        catch
        {
            realm.Dispose();
            throw;
        }
        return realm;
    }

    /// <summary>
    /// Writes a startup snapshot: the ops installed and the bootstrap scripts run, prefixed by a fingerprint
    /// of V8's version, the op table and the sources, so a stale snapshot is detected and never loaded.
    /// </summary>
    public void CreateSnapshot(IReadOnlyList<OpDescriptor> ops, IReadOnlyList<ScriptSource> bootstrap, string path)
    {
        nint table = OpTable(ops);
        string blobPath = path + ".blob.tmp";
        var pins = new List<GCHandle>();
        try
        {
            int n = bootstrap.Count;
            var names = new nint[n];
            var sources = new nint[n];
            var nameLengths = new int[n];
            var sourceLengths = new int[n];
            for (int i = 0; i < n; i++)
            {
                var name = GCHandle.Alloc(bootstrap[i].Name, GCHandleType.Pinned);
                var source = GCHandle.Alloc(bootstrap[i].Source, GCHandleType.Pinned);
                pins.Add(name);
                pins.Add(source);
                names[i] = name.AddrOfPinnedObject();
                sources[i] = source.AddrOfPinnedObject();
                nameLengths[i] = bootstrap[i].Name.Length;
                sourceLengths[i] = bootstrap[i].Source.Length;
            }
            char* error = null;
            int errorLength = 0, size;
            fixed (nint* pNames = names)
            fixed (nint* pSources = sources)
            fixed (int* pNameLengths = nameLengths)
            fixed (int* pSourceLengths = sourceLengths)
            {
                size = Dv8.SnapshotCreate(table, (char**)pNames, pNameLengths, (char**)pSources, pSourceLengths, n, blobPath, &error, &errorLength);
            }
            if (size < 0) throw new InvalidOperationException("snapshot creation failed: " + V8Values.Text(error, errorLength));
            using (var output = File.Create(path))
            {
                output.Write(Fingerprint(ops, bootstrap));
                using var blob = File.OpenRead(blobPath);
                blob.CopyTo(output);
            }
        }
        finally
        {
            foreach (var pin in pins) pin.Free();
            File.Delete(blobPath);
        }
    }

    /// <summary>
    /// The snapshot file, mapped read-only, when its fingerprint matches this build. Mapped rather than read: the
    /// blob (~600 KB) is neither copied into fresh memory nor copied again by the shim, which saves some hundreds of
    /// page faults at every start. The realm that uses it owns it (V8 reads the blob while it makes the isolate).
    /// </summary>
    private MappedSnapshot? LoadSnapshot(RealmOptions options, out string why)
    {
        why = "";
        if (SnapshotPath is null) { why = "none configured"; return null; }
        if (!File.Exists(SnapshotPath)) { why = $"{SnapshotPath} does not exist"; return null; }
        long size;
        byte* data = Dv8.FileMap(SnapshotPath, &size);
        if (data == null) { why = $"{SnapshotPath} cannot be read"; return null; }
        byte[] expected = Fingerprint(options.Ops, options.Bootstrap);
        if (size <= expected.Length || size - expected.Length > int.MaxValue || !new ReadOnlySpan<byte>(data, expected.Length).SequenceEqual(expected))
        {
            Dv8.FileUnmap(data, size);
            why = $"{SnapshotPath} does not match this build";
            return null;
        }
        return new MappedSnapshot(data, size, expected.Length);
    }

    /// <summary>
    /// What a snapshot was made from, written before the blob: a tag, then V8's version, the op table and
    /// the bootstrap sources in full, preceded by their length. It is compared byte for byte, not hashed: the sources
    /// are small (tens of KB), and SHA-256 would mean initializing OpenSSL (loading libssl, reading its config)
    /// on every start, about a millisecond on the critical path for a comparison that costs microseconds.
    /// </summary>
    private byte[] Fingerprint(IReadOnlyList<OpDescriptor> ops, IReadOnlyList<ScriptSource> bootstrap)
    {
        // -3: the sources themselves instead of their SHA-256. (-2: the shim's external references gained the
        // typed slow callback, so positions moved.)
        var text = new StringBuilder().Append(Version).Append('\n');
        foreach (var op in ops)
        {
            text.Append(op.Name)
                .Append(op.Fast is { } f ? $":fast({string.Join(",", f.ArgumentTypes)})->{f.ReturnType}" : "")
                .Append(op.Direct is { } d ? $":direct({string.Join(",", d.ArgumentTypes)})->{d.ReturnType}" : "")
                .Append('\n');
        }
        foreach (var script in bootstrap) text.Append(script.Name).Append('\n').Append(script.Source).Append('\0');
        // The length makes the comparison exact: without it, an older key that merely begins with this one
        // (say, one more bootstrap script) would match and the blob would be read from the wrong offset.
        const string tag = "dv8-snapshot-3\n";
        string key = text.ToString();
        int length = Encoding.UTF8.GetByteCount(key);
        // Zero padding to a multiple of 64 bytes, so the blob after it is as aligned in the mapped file as it was
        // in the shim's own copy.
        var fingerprint = new byte[(tag.Length + sizeof(int) + length + 63) / 64 * 64];
        Encoding.ASCII.GetBytes(tag, fingerprint);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(fingerprint.AsSpan(tag.Length), length);
        Encoding.UTF8.GetBytes(key, fingerprint.AsSpan(tag.Length + sizeof(int)));
        return fingerprint;
    }

    /// <summary>
    /// Starts loading and initializing V8 on another thread, for a host that knows early it will need it:
    /// loading libnode (tens of thousands of symbol relocations) is the largest part of dualrt's start-up,
    /// and it can overlap with the host's own work. The engine's constructor waits for it (and reports a
    /// failure itself). Only for hosts that pass no V8 flags.
    /// </summary>
    public static void BeginInitialize()
    {
        new Thread(() =>
        {
            try { EnsureInitialized(null); }
            catch (Exception) { /* the constructor's own EnsureInitialized throws it to the host */ }
        }) { IsBackground = true, Name = "v8-init" }.Start();
    }

    private static void EnsureInitialized(string? flags)
    {
        lock (Gate)
        {
            if (s_initialized) return;
            var host = HostCallbacks.Table();
            if (Dv8.Initialize(flags ?? "", &host) != 0) throw new InvalidOperationException("V8 failed to initialize");
            s_initialized = true;
        }
    }

    // A snapshot stores positions in its op table's external references, so the same op list must
    // always map to the same native table layout: one table per distinct list of names and fast entries.
    private static nint OpTable(IReadOnlyList<OpDescriptor> ops)
    {
        lock (Gate)
        {
            string key = string.Join("\n", ops.Select(o => $"{o.Name}@{o.Fast?.Function ?? 0}@{o.Direct?.Function ?? 0}"));
            if (s_opTables.TryGetValue(key, out nint existing)) return existing;
            var table = ops.ToArray();
            var specs = new Dv8OpSpec[table.Length];
            var pins = new List<GCHandle>();
            // Argument type lists the shim reads while it builds the table (pinned until then).
            int* PinTypes(FastType[] types)
            {
                var handle = GCHandle.Alloc(types.Select(t => (int)t).ToArray(), GCHandleType.Pinned);
                pins.Add(handle);
                return (int*)handle.AddrOfPinnedObject();
            }
            try
            {
                for (int i = 0; i < table.Length; i++)
                {
                    var name = GCHandle.Alloc(table[i].Name, GCHandleType.Pinned);
                    pins.Add(name);
                    specs[i].Name = (char*)name.AddrOfPinnedObject();
                    specs[i].NameLength = table[i].Name.Length;
                    if (table[i].Fast is { } fast)
                    {
                        specs[i].FastFunction = (void*)fast.Function;
                        specs[i].FastReturn = (int)fast.ReturnType;
                        specs[i].FastArgc = fast.ArgumentTypes.Length;
                        specs[i].FastArgs = PinTypes(fast.ArgumentTypes);
                    }
                    if (table[i].Direct is { } direct && direct.ArgumentTypes.Length <= DirectOpCall.Slots)
                    {
                        specs[i].DirectFunction = (void*)direct.Function;
                        specs[i].DirectReturn = (int)direct.ReturnType;
                        specs[i].DirectArgc = direct.ArgumentTypes.Length;
                        specs[i].DirectArgs = PinTypes(direct.ArgumentTypes);
                    }
                }
                nint created;
                fixed (Dv8OpSpec* p = specs)
                {
                    created = Dv8.OpTableNew(p, specs.Length);
                }
                s_opTables[key] = created;
                return created;
            }
            finally
            {
                foreach (var pin in pins) pin.Free();
            }
        }
    }
}
