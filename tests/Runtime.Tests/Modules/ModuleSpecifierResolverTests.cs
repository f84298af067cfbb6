using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Modules;

namespace DualEngine.Runtime.Tests.Modules;

public sealed class ModuleSpecifierResolverTests
{
    [Fact]
    public void RelativeAndAbsoluteSpecifiersResolveWithoutAMap()
    {
        var resolver = new ModuleSpecifierResolver();
        Assert.Equal("file:///app/lib/x.js", resolver.Resolve("./lib/x.js", "file:///app/main.js"));
        Assert.Equal("https://example.com/y.js", resolver.Resolve("https://example.com/y.js", "file:///app/main.js"));
        Assert.Equal("npm:zod", resolver.Resolve("npm:zod", "file:///app/main.js"));
    }

    [Fact]
    public void BareSpecifierGetsDenosError()
    {
        var resolver = new ModuleSpecifierResolver();
        var error = Assert.Throws<OpError>(() => resolver.Resolve("foo", "file:///app/main.js"));
        Assert.Equal("TypeError", error.ClassName);
        Assert.Equal("Relative import path \"foo\" not prefixed with / or ./ or ../ from \"file:///app/main.js\"", error.Message);

        var withMap = new ModuleSpecifierResolver(ImportMap.Parse("{}", WebUrl.Parse("file:///app/deno.json")));
        Assert.Equal("Relative import path \"foo\" not prefixed with / or ./ or ../ and not in import map from \"file:///app/main.js\"",
            Assert.Throws<OpError>(() => withMap.Resolve("foo", "file:///app/main.js")).Message);
    }

    [Fact]
    public void ImportMapIsConsulted()
    {
        var map = ImportMap.Parse("""{ "imports": { "@std/": "./vendor/std/" } }""", WebUrl.Parse("file:///app/deno.json"));
        var resolver = new ModuleSpecifierResolver(map);
        Assert.Equal("file:///app/vendor/std/path.ts", resolver.Resolve("@std/path.ts", "file:///app/src/main.ts"));
    }

    [Fact]
    public void MainModuleMayBeAPathOrAUrl()
    {
        if (OperatingSystem.IsWindows()) return;
        var resolver = new ModuleSpecifierResolver(currentDirectory: () => "/work/proj");
        Assert.Equal("file:///work/proj/main.ts", resolver.Resolve("main.ts", (string?)null));
        Assert.Equal("file:///work/main.ts", resolver.Resolve("../main.ts", (string?)null));
        Assert.Equal("file:///abs/x%20y.js", resolver.Resolve("/abs/x y.js", (string?)null));
        Assert.Equal("https://example.com/m.js", resolver.Resolve("https://example.com/m.js", (string?)null));
    }
}
