using DualEngine.Runtime.Modules;

namespace DualEngine.Runtime.Tests.Modules;

/// <summary>Finding the import map on disk: --import-map, deno.json and deno.jsonc found by walking up.</summary>
public sealed class ImportMapLoaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private WebUrl Main(string relative) => FileUrl.FromPath(_temp.File(relative, "export {};"));

    [Fact]
    public void DenoJsonAboveTheMainModuleIsFound()
    {
        _temp.File("deno.json", """{ "imports": { "lib/": "./vendor/lib/" }, "tasks": {} }""");
        var main = Main("src/app/main.ts");
        var map = ImportMapLoader.Load(null, main, _temp.Path)!;
        Assert.Equal(FileUrl.FromPath(_temp.Combine("vendor", "lib", "x.ts")), map.Resolve("lib/x.ts", main));
        Assert.Empty(map.Warnings);
    }

    [Fact]
    public void DenoJsoncWithCommentsAndTrailingCommasIsRead()
    {
        _temp.File("deno.jsonc", """
            {
              // shared dependencies
              "imports": { "a": "./a.js", },
              "scopes": { "./src/": { "a": "./src-a.js" } },
            }
            """);
        var main = Main("src/main.js");
        var map = ImportMapLoader.Load(null, main, _temp.Path)!;
        Assert.Equal(FileUrl.FromPath(_temp.Combine("src-a.js")), map.Resolve("a", main));
        Assert.Equal(FileUrl.FromPath(_temp.Combine("a.js")), map.Resolve("a", FileUrl.FromPath(_temp.Combine("other.js"))));
    }

    [Fact]
    public void NearestConfigWins()
    {
        _temp.File("deno.json", """{ "imports": { "a": "./outer.js" } }""");
        _temp.File("inner/deno.json", """{ "imports": { "a": "./inner.js" } }""");
        var main = Main("inner/main.js");
        Assert.Equal(FileUrl.FromPath(_temp.Combine("inner", "inner.js")), ImportMapLoader.Load(null, main, _temp.Path)!.Resolve("a", main));
    }

    [Fact]
    public void ImportMapFlagWinsOverConfig()
    {
        _temp.File("deno.json", """{ "imports": { "a": "./from-config.js" } }""");
        _temp.File("maps/import_map.json", """{ "imports": { "a": "./from-flag.js" } }""");
        var main = Main("main.js");
        var map = ImportMapLoader.Load("maps/import_map.json", main, _temp.Path)!;
        Assert.Equal(FileUrl.FromPath(_temp.Combine("maps", "from-flag.js")), map.Resolve("a", main));
    }

    [Fact]
    public void ConfigMayReferToAnImportMapFile()
    {
        _temp.File("deno.json", """{ "importMap": "./import_map.json" }""");
        _temp.File("import_map.json", """{ "imports": { "a": "./a.js" } }""");
        var main = Main("main.js");
        Assert.Equal(FileUrl.FromPath(_temp.Combine("a.js")), ImportMapLoader.Load(null, main, _temp.Path)!.Resolve("a", main));
    }

    [Fact]
    public void ConfigWithoutImportsMeansNoMap()
    {
        _temp.File("deno.json", """{ "tasks": { "dev": "x" } }""");
        Assert.Null(ImportMapLoader.Load(null, Main("main.js"), _temp.Path));
    }

    [Fact]
    public void MalformedConfigIsAnErrorNamingTheFile()
    {
        var config = _temp.File("deno.json", """{ "imports": 3 }""");
        var error = Assert.Throws<FormatException>(() => ImportMapLoader.Load(null, Main("main.js"), _temp.Path));
        Assert.Contains(FileUrl.FromPath(config).Href, error.Message);
        Assert.Contains("\"imports\" must be a JSON object", error.Message);
    }
}
