using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Permissions;

namespace DualEngine.Runtime.Tests.Permissions;

/// <summary>read/write scopes on a real folder tree with real symlinks.</summary>
public sealed class PathPermissionTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _allowed;
    private readonly string _outside;

    public PathPermissionTests()
    {
        _allowed = _temp.Folder("allowed");
        _outside = _temp.Folder("outside");
        _temp.File("allowed/inside.txt");
        _temp.File("outside/secret.txt");
    }

    public void Dispose() => _temp.Dispose();

    private PermissionContainer Container(PermissionOptions options) =>
        new(options, prompter: null, currentDirectory: () => _temp.Path);

    private PermissionContainer AllowReadOfAllowed() => Container(new PermissionOptions().Allow(PermissionKind.Read, _allowed));

    [Fact]
    public void FileInsideAllowedFolderIsGranted()
    {
        var container = AllowReadOfAllowed();
        container.Check(PermissionKind.Read, _temp.Combine("allowed", "inside.txt"), "Deno.readTextFile()");
        container.Check(PermissionKind.Read, _allowed, "Deno.readDir()");
        Assert.Equal(PermissionState.Granted, container.Query(PermissionKind.Read, _temp.Combine("allowed", "missing", "deep.txt")).State);
    }

    [Fact]
    public void FileOutsideIsDeniedWithDenosMessage()
    {
        var container = AllowReadOfAllowed();
        var secret = _temp.Combine("outside", "secret.txt");
        var error = Assert.Throws<OpError>(() => container.Check(PermissionKind.Read, secret, "Deno.readTextFile()"));
        Assert.Equal("NotCapable", error.ClassName);
        Assert.Equal($"Requires read access to \"{secret}\", run again with the --allow-read flag", error.Message);
    }

    [Fact]
    public void SiblingWithSharedPrefixIsNotInside()
    {
        _temp.File("allowed-not/x.txt");
        var container = AllowReadOfAllowed();
        Assert.Equal(PermissionState.Prompt, container.Query(PermissionKind.Read, _temp.Combine("allowed-not", "x.txt")).State);
    }

    [Fact]
    public void DotDotCannotEscape()
    {
        var container = AllowReadOfAllowed();
        var escaping = _allowed + "/../outside/secret.txt";
        var error = Assert.Throws<OpError>(() => container.Check(PermissionKind.Read, escaping, "Deno.readTextFile()"));
        // The message shows the path as the program asked for it.
        Assert.Contains("\"" + escaping + "\"", error.Message);
    }

    [Fact]
    public void SymlinkInsideAllowedFolderPointingOutsideIsDenied()
    {
        File.CreateSymbolicLink(_temp.Combine("allowed", "file-link"), _temp.Combine("outside", "secret.txt"));
        Directory.CreateSymbolicLink(_temp.Combine("allowed", "dir-link"), _outside);
        var container = AllowReadOfAllowed();
        Assert.Throws<OpError>(() => container.Check(PermissionKind.Read, _temp.Combine("allowed", "file-link"), "Deno.readTextFile()"));
        Assert.Throws<OpError>(() => container.Check(PermissionKind.Read, _temp.Combine("allowed", "dir-link", "secret.txt"), "Deno.readTextFile()"));
        // A file that does not exist yet below the link is judged by where the link leads.
        Assert.Throws<OpError>(() => container.Check(PermissionKind.Read, _temp.Combine("allowed", "dir-link", "new.txt"), "Deno.readTextFile()"));
    }

    [Fact]
    public void RelativeSymlinkAndDotDotAfterALinkFollowTheTarget()
    {
        // allowed/up -> ../outside ; "allowed/up/.." is the temp root physically, not "allowed".
        Directory.CreateSymbolicLink(_temp.Combine("allowed", "up"), "../outside");
        var container = Container(new PermissionOptions().Allow(PermissionKind.Read, _outside));
        container.Check(PermissionKind.Read, _temp.Combine("allowed", "up", "secret.txt"), "Deno.readTextFile()");
        Assert.Throws<OpError>(() => container.Check(PermissionKind.Read, _temp.Combine("allowed", "up", "..", "allowed", "inside.txt"), "Deno.readTextFile()"));
    }

    [Fact]
    public void DanglingSymlinkIsJudgedByItsTarget()
    {
        File.CreateSymbolicLink(_temp.Combine("allowed", "dangling"), _temp.Combine("outside", "not-yet.txt"));
        var container = Container(new PermissionOptions().Allow(PermissionKind.Write, _allowed));
        var error = Assert.Throws<OpError>(() => container.Check(PermissionKind.Write, _temp.Combine("allowed", "dangling"), "Deno.writeTextFile()"));
        Assert.StartsWith("Requires write access to", error.Message);
        Assert.EndsWith("run again with the --allow-write flag", error.Message);
    }

    [Fact]
    public void SymlinkOutsidePointingIntoAllowedFolderIsGranted()
    {
        Directory.CreateSymbolicLink(_temp.Combine("outside", "into"), _allowed);
        var container = AllowReadOfAllowed();
        container.Check(PermissionKind.Read, _temp.Combine("outside", "into", "inside.txt"), "Deno.readTextFile()");
    }

    [Fact]
    public void AllowedFolderGivenThroughALinkIsResolvedToo()
    {
        var link = _temp.Combine("link-to-allowed");
        Directory.CreateSymbolicLink(link, _allowed);
        var container = Container(new PermissionOptions().Allow(PermissionKind.Read, link));
        container.Check(PermissionKind.Read, _temp.Combine("allowed", "inside.txt"), "Deno.readTextFile()");
    }

    [Fact]
    public void RelativePathsResolveAgainstTheCurrentDirectory()
    {
        var container = Container(new PermissionOptions().Allow(PermissionKind.Read, "allowed"));
        container.Check(PermissionKind.Read, "allowed/inside.txt", "Deno.readTextFile()");
        container.Check(PermissionKind.Read, "./allowed/../allowed/inside.txt", "Deno.readTextFile()");
        Assert.Throws<OpError>(() => container.Check(PermissionKind.Read, "outside/secret.txt", "Deno.readTextFile()"));
    }

    [Fact]
    public void DenyWinsOverAllowAndMakesTheParentPartial()
    {
        var container = Container(new PermissionOptions { AllowAll = true }.Deny(PermissionKind.Read, _temp.Combine("allowed", "inside.txt")));
        Assert.Throws<OpError>(() => container.Check(PermissionKind.Read, _temp.Combine("allowed", "inside.txt"), "Deno.readTextFile()"));
        // Reading the folder could read the denied file: a check refuses, a query reports "granted, partial".
        Assert.Throws<OpError>(() => container.Check(PermissionKind.Read, _allowed, "Deno.readDir()"));
        Assert.Equal(new PermissionStatus(PermissionState.Granted, Partial: true), container.Query(PermissionKind.Read, _allowed));
        Assert.Equal(new PermissionStatus(PermissionState.Granted, Partial: true), container.Query(PermissionKind.Read, null));
        Assert.Equal(new PermissionStatus(PermissionState.Denied), container.Query(PermissionKind.Read, _temp.Combine("allowed", "inside.txt")));
        container.Check(PermissionKind.Read, _temp.Combine("outside", "secret.txt"), "Deno.readTextFile()");
        // Other kinds are untouched by a read deny.
        container.Check(PermissionKind.Write, _allowed, "Deno.writeTextFile()");
    }

    [Fact]
    public void WholeKindCheckWithoutValue()
    {
        var scoped = AllowReadOfAllowed();
        var error = Assert.Throws<OpError>(() => scoped.Check(PermissionKind.Read, null, "Deno.cwd()"));
        Assert.Equal("Requires read access, run again with the --allow-read flag", error.Message);
        Container(new PermissionOptions().Allow(PermissionKind.Read)).Check(PermissionKind.Read, null, "Deno.cwd()");
    }

    [Fact]
    public void FileUrlsAreAcceptedAsPaths()
    {
        var container = AllowReadOfAllowed();
        container.Check(PermissionKind.Read, new Uri(_temp.Combine("allowed", "inside.txt")).AbsoluteUri, "Deno.readTextFile()");
    }
}
