using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Modules;

namespace DualEngine.Runtime.Tests.Modules;

/// <summary>Import map parsing and resolution, following the HTML standard's import maps section and its examples.</summary>
public sealed class ImportMapTests
{
    private static readonly WebUrl MapUrl = WebUrl.Parse("https://example.com/app/import_map.json");

    private static ImportMap Map(string json) => ImportMap.Parse(json, MapUrl);

    private static string? Resolve(ImportMap map, string specifier, string referrer = "https://example.com/app/main.js") =>
        map.Resolve(specifier, WebUrl.Parse(referrer))?.Href;

    [Fact]
    public void BareSpecifiersMapExactly()
    {
        var map = Map("""{ "imports": { "moment": "/node_modules/moment/src/moment.js", "lodash": "./vendor/lodash.js" } }""");
        Assert.Equal("https://example.com/node_modules/moment/src/moment.js", Resolve(map, "moment"));
        Assert.Equal("https://example.com/app/vendor/lodash.js", Resolve(map, "lodash"));
        Assert.Null(Resolve(map, "moment/locale/fr.js"));
        Assert.Null(Resolve(map, "unmapped"));
        Assert.Empty(map.Warnings);
    }

    [Fact]
    public void TrailingSlashKeysMapPrefixesAndTheMostSpecificWins()
    {
        var map = Map("""
            {
              "imports": {
                "lodash/": "/node_modules/lodash-es/",
                "lodash/fp/": "/node_modules/lodash-fp/",
                "@std/": "https://deno.land/std@0.200.0/"
              }
            }
            """);
        Assert.Equal("https://example.com/node_modules/lodash-es/map.js", Resolve(map, "lodash/map.js"));
        Assert.Equal("https://example.com/node_modules/lodash-fp/map.js", Resolve(map, "lodash/fp/map.js"));
        Assert.Equal("https://deno.land/std@0.200.0/path/mod.ts", Resolve(map, "@std/path/mod.ts"));
        Assert.Equal(["lodash/fp/", "lodash/", "@std/"], map.Imports.Select(e => e.Key));
    }

    [Fact]
    public void UrlKeysRemapUrlsAndUrlLikePaths()
    {
        var map = Map("""{ "imports": { "https://cdn.example/vue/": "./vendor/vue/", "/app/helpers.js": "/app/helpers-v2.js" } }""");
        Assert.Equal("https://example.com/app/vendor/vue/index.js", Resolve(map, "https://cdn.example/vue/index.js"));
        Assert.Equal("https://example.com/app/helpers-v2.js", Resolve(map, "./helpers.js"));
        // Unmapped URLs and URL-like paths resolve as themselves.
        Assert.Equal("https://example.com/app/other.js", Resolve(map, "./other.js"));
    }

    [Fact]
    public void ScopesApplyToModulesUnderTheirPrefixMostSpecificFirst()
    {
        var map = Map("""
            {
              "imports": { "a": "/a-1.mjs" },
              "scopes": {
                "/scope2/": { "a": "/a-2.mjs" },
                "/scope2/scope3/": { "b": "/b-3.mjs" },
                "https://example.com/exact.js": { "a": "/a-exact.mjs" }
              }
            }
            """);
        Assert.Equal("https://example.com/a-1.mjs", Resolve(map, "a", "https://example.com/scope1/foo.mjs"));
        Assert.Equal("https://example.com/a-2.mjs", Resolve(map, "a", "https://example.com/scope2/foo.mjs"));
        Assert.Equal("https://example.com/a-2.mjs", Resolve(map, "a", "https://example.com/scope2/scope3/foo.mjs"));
        Assert.Equal("https://example.com/b-3.mjs", Resolve(map, "b", "https://example.com/scope2/scope3/foo.mjs"));
        Assert.Null(Resolve(map, "b", "https://example.com/scope2/foo.mjs"));
        Assert.Equal("https://example.com/a-exact.mjs", Resolve(map, "a", "https://example.com/exact.js"));
        Assert.Equal("https://example.com/a-1.mjs", Resolve(map, "a", "https://example.com/exact.jsx"));
    }

    [Fact]
    public void NullEntriesBlock()
    {
        var map = Map("""{ "imports": { "blocked": null, "pkg/": null } }""");
        Assert.Equal("Blocked by null entry for \"blocked\"", Assert.Throws<OpError>(() => Resolve(map, "blocked")).Message);
        Assert.Equal("TypeError", Assert.Throws<OpError>(() => Resolve(map, "pkg/x.js")).ClassName);
    }

    [Fact]
    public void BacktrackingAbovePrefixIsAnError()
    {
        var map = Map("""{ "imports": { "pkg/": "/node_modules/pkg/" } }""");
        var error = Assert.Throws<OpError>(() => Resolve(map, "pkg/../../secret.js"));
        Assert.Equal("TypeError", error.ClassName);
        Assert.Contains("backtracks above its prefix \"pkg/\"", error.Message);
    }

    [Fact]
    public void BadEntriesBecomeWarningsAndNullEntries()
    {
        var map = Map("""
            {
              "imports": { "": "/x.js", "num": 1, "bare": "not-a-url", "pkg/": "/no-trailing-slash" },
              "scopes": { "https://[bad/": { } },
              "extra": true
            }
            """);
        Assert.Equal(6, map.Warnings.Count);
        Assert.Contains(map.Warnings, w => w.Contains("Invalid address 1 for the specifier key \"num\""));
        Assert.Contains(map.Warnings, w => w.Contains("Invalid address \"not-a-url\" for the specifier key \"bare\""));
        Assert.Contains(map.Warnings, w => w.Contains("package addresses must end with \"/\""));
        Assert.Contains(map.Warnings, w => w.Contains("Invalid scope \"https://[bad/\""));
        Assert.Contains(map.Warnings, w => w.Contains("Invalid top-level key \"extra\""));
        Assert.Throws<OpError>(() => Resolve(map, "bare"));
    }

    [Theory]
    [InlineData("[]", "the top-level value must be a JSON object")]
    [InlineData("""{ "imports": [] }""", "\"imports\" must be a JSON object")]
    [InlineData("""{ "scopes": "x" }""", "\"scopes\" must be a JSON object")]
    [InlineData("""{ "scopes": { "/a/": 1 } }""", "the value of scope \"/a/\" must be a JSON object")]
    [InlineData("{ imports: ", "not valid JSON")]
    public void MalformedMapsAreErrorsNamingTheMap(string json, string message)
    {
        var error = Assert.Throws<FormatException>(() => Map(json));
        Assert.StartsWith("Invalid import map https://example.com/app/import_map.json: ", error.Message);
        Assert.Contains(message, error.Message);
    }
}
