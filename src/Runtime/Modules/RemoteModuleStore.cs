using System.Security.Cryptography;
using System.Text;
using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Permissions;
using DualEngine.Runtime.Permissions.Descriptors;

namespace DualEngine.Runtime.Modules;

/// <summary>
/// http(s) modules: checked against the import permission, fetched once with HttpClient into a local
/// cache (like DENO_DIR/remote), then served from it; checked against the lockfile when there is one.
/// </summary>
public sealed class RemoteModuleStore(string cacheDirectory, PermissionContainer permissions, Lockfile? lockfile = null, HttpClient? http = null)
{
    private readonly HttpClient _http = http ?? new HttpClient { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>$DUALRT_DIR/remote, else ~/.cache/dualrt/remote.</summary>
    public static string DefaultCacheDirectory =>
        Path.Combine(Environment.GetEnvironmentVariable("DUALRT_DIR")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "dualrt"), "remote");

    public Lockfile? Lockfile => lockfile;

    /// <summary>The module's source and whether the server or URL says it is TypeScript.</summary>
    public (string Source, bool IsTypeScript) Load(WebUrl url)
    {
        permissions.Check(PermissionKind.Import, NetDescriptor.FromUrl(new Uri(url.Href)).Display, "import()");
        string key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.Href)));
        string body = Path.Combine(cacheDirectory, key);
        string meta = body + ".type";
        byte[] bytes;
        string contentType;
        if (File.Exists(body) && File.Exists(meta))
        {
            bytes = File.ReadAllBytes(body);
            contentType = File.ReadAllText(meta);
        }
        else
        {
            (bytes, contentType) = Fetch(url);
            Directory.CreateDirectory(cacheDirectory);
            File.WriteAllBytes(body + ".tmp", bytes);
            File.Move(body + ".tmp", body, overwrite: true);
            File.WriteAllText(meta, contentType);
        }
        lockfile?.Verify(url.Href, bytes);
        bool typeScript = contentType.Contains("typescript", StringComparison.OrdinalIgnoreCase)
            || url.Path.EndsWith(".ts", StringComparison.Ordinal) || url.Path.EndsWith(".mts", StringComparison.Ordinal);
        return (Encoding.UTF8.GetString(bytes), typeScript);
    }

    private (byte[] Bytes, string ContentType) Fetch(WebUrl url)
    {
        try
        {
            // Module loading is synchronous for the engines (V8's resolve step cannot wait), so the fetch is too.
            using var response = _http.Send(new HttpRequestMessage(HttpMethod.Get, url.Href));
            if ((int)response.StatusCode == 404) throw new OpError("NotFound", $"Module not found \"{url.Href}\".");
            if (!response.IsSuccessStatusCode)
                throw new OpError("Http", $"Import '{url.Href}' failed: {(int)response.StatusCode} {response.ReasonPhrase}");
            using var stream = response.Content.ReadAsStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (copy.ToArray(), response.Content.Headers.ContentType?.MediaType ?? "");
        }
        catch (HttpRequestException e)
        {
            throw new OpError("Http", $"Import '{url.Href}' failed: {e.Message}");
        }
    }
}
