using System.Text;
using System.Text.Json;
using DualEngine.Abstractions.Ops;

namespace DualEngine.Runtime.Modules;

/// <summary>
/// deno.lock (version 4) for remote modules: <c>{"version":"4","remote":{"https://...": "&lt;sha256 hex&gt;"}}</c>.
/// A module already listed must hash to the recorded value; a new one is recorded and the file rewritten.
/// </summary>
public sealed class Lockfile
{
    private readonly string _path;
    private readonly SortedDictionary<string, string> _remote = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private Lockfile(string path) => _path = path;

    public string Path => _path;

    /// <summary>Reads the lockfile at <paramref name="path"/>, or starts an empty one there. A malformed file is a clear error.</summary>
    public static Lockfile Open(string path)
    {
        var lockfile = new Lockfile(path);
        if (!File.Exists(path)) return lockfile;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.TryGetProperty("remote", out var remote) && remote.ValueKind == JsonValueKind.Object)
                foreach (var entry in remote.EnumerateObject())
                    lockfile._remote[entry.Name] = entry.Value.GetString() ?? "";
        }
        catch (JsonException e)
        {
            throw new FormatException($"Unable to read lockfile \"{path}\": {e.Message}", e);
        }
        return lockfile;
    }

    /// <summary>Checks <paramref name="source"/> of <paramref name="url"/> against the lockfile, recording it when new.</summary>
    public void Verify(string url, byte[] source)
    {
        string actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(source));
        lock (_gate)
        {
            if (_remote.TryGetValue(url, out var expected))
            {
                if (expected != actual)
                    throw new OpError("TypeError",
                        "Integrity check failed for remote specifier. The source code is invalid, as it does not match the expected hash in the lock file.\n\n" +
                        $"  Specifier: {url}\n  Actual: {actual}\n  Expected: {expected}\n\n" +
                        $"This could be caused by:\n  * the lock file may be corrupt\n  * the source itself may be corrupt\n\nInvestigate the lockfile; delete it to regenerate the lockfile at \"{_path}\".");
                return;
            }
            _remote[url] = actual;
            Write();
        }
    }

    private void Write()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("version", "4");
            json.WriteStartObject("remote");
            foreach (var (url, hash) in _remote) json.WriteString(url, hash);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        File.WriteAllText(_path, Encoding.UTF8.GetString(buffer.ToArray()) + "\n");
    }
}
