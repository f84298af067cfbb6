namespace DualEngine.Runtime.Tests;

/// <summary>A real folder under the system temp path, deleted at dispose. Paths are real (symlinks in the temp path resolved).</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        var created = Directory.CreateTempSubdirectory("dualengine-tests-");
        // /tmp may itself be a link (macOS: /private/tmp); tests compare against resolved paths.
        Path = created.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? created.FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Join([Path, .. parts]);

    public string Folder(params string[] parts) => Directory.CreateDirectory(Combine(parts)).FullName;

    public string File(string relative, string content = "x")
    {
        var path = Combine(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
