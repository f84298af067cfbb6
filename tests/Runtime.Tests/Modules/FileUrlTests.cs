using DualEngine.Runtime.Modules;

namespace DualEngine.Runtime.Tests.Modules;

public sealed class FileUrlTests
{
    [Fact]
    public void PathsBecomeEncodedFileUrlsAndBack()
    {
        if (OperatingSystem.IsWindows()) return;
        var path = "/tmp/a b/100%/ü#?.js";
        var url = FileUrl.FromPath(path);
        Assert.Equal("file:///tmp/a%20b/100%25/%C3%BC%23%3F.js", url.Href);
        Assert.Equal(path, FileUrl.ToPath(url));
        Assert.Equal(path, FileUrl.ToPath(url.Href));
    }

    [Fact]
    public void RelativePathsAreMadeAbsoluteAndNormalized()
    {
        if (OperatingSystem.IsWindows()) return;
        var url = FileUrl.FromPath("/x/y/../z.js");
        Assert.Equal("file:///x/z.js", url.Href);
        Assert.StartsWith("file:///", FileUrl.FromPath("relative.js").Href);
    }

    [Fact]
    public void WindowsPathsUseDriveLetters()
    {
        if (!OperatingSystem.IsWindows()) return;
        Assert.Equal("file:///C:/dir/a%20b.js", FileUrl.FromPath(@"C:\dir\a b.js").Href);
        Assert.Equal(@"C:\dir\a b.js", FileUrl.ToPath("file:///C:/dir/a%20b.js"));
        Assert.Equal(@"\\server\share\x.js", FileUrl.ToPath("file://server/share/x.js"));
    }

    [Fact]
    public void NonFileUrlsAndEncodedSeparatorsAreRejected()
    {
        Assert.Throws<FormatException>(() => FileUrl.ToPath("https://example.com/x.js"));
        Assert.Throws<FormatException>(() => FileUrl.ToPath("file:///a%2Fb.js"));
        if (!OperatingSystem.IsWindows())
            Assert.Contains("host", Assert.Throws<FormatException>(() => FileUrl.ToPath("file://server/x.js")).Message);
    }
}
