using DualEngine.Abstractions.Modules;
using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Modules;

namespace DualEngine.Runtime.Tests.Modules;

public sealed class FileModuleLoaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static FileModuleLoader Loader(Func<WebUrl, string, string>? transpile = null) => new(new ModuleSpecifierResolver(), transpile);

    [Fact]
    public void ResolvesAndLoadsJavaScriptAndJson()
    {
        var main = FileUrl.FromPath(_temp.File("main.js", "import './dep.js';")).Href;
        _temp.File("dep.js", "export const x = 1;");
        _temp.File("data.json", """{ "a": 1 }""");
        var loader = Loader();

        var dep = loader.Resolve("./dep.js", main);
        var source = loader.Load(dep, null);
        Assert.Equal(new ModuleSource(dep, ModuleKind.JavaScript, "export const x = 1;"), source);

        var json = loader.Load(loader.Resolve("./data.json", main), "json");
        Assert.Equal(ModuleKind.Json, json.Kind);
        Assert.Equal("""{ "a": 1 }""", json.Source);
    }

    [Fact]
    public void MissingModuleIsNotFoundNamingTheImporter()
    {
        var main = FileUrl.FromPath(_temp.File("main.js")).Href;
        var loader = Loader();
        var missing = loader.Resolve("./missing.js", main);
        var error = Assert.Throws<OpError>(() => loader.Load(missing, null));
        Assert.Equal("NotFound", error.ClassName);
        Assert.Equal($"Module not found \"{missing}\".\n    at {main}", error.Message);
    }

    [Fact]
    public void DirectoryIsNotAModuleAndNotAPermissionProblem()
    {
        var main = FileUrl.FromPath(_temp.File("main.js")).Href;
        _temp.Folder("lib");
        var loader = Loader();
        var folder = loader.Resolve("./lib", main);
        var error = Assert.Throws<OpError>(() => loader.Load(folder, null));
        Assert.Equal("IsADirectory", error.ClassName);
        Assert.Equal($"Is a directory: module \"{folder}\" names a directory, not a file.\n    at {main}", error.Message);
    }

    [Fact]
    public void JsonWithoutTypeAttributeIsRejected()
    {
        var main = FileUrl.FromPath(_temp.File("main.js")).Href;
        _temp.File("data.json", "{}");
        var loader = Loader();
        var error = Assert.Throws<OpError>(() => loader.Load(loader.Resolve("./data.json", main), null));
        Assert.StartsWith("Expected a JavaScript or TypeScript module, but identified a Json module.", error.Message);
    }

    [Fact]
    public void UnknownTypeAttributeIsATypeError()
    {
        var css = FileUrl.FromPath(_temp.File("x.css", "a{}")).Href;
        var error = Assert.Throws<OpError>(() => Loader().Load(css, "css"));
        Assert.Equal(("TypeError", "\"css\" is not a valid module type"), (error.ClassName, error.Message));
    }

    [Fact]
    public void TypeScriptGoesThroughTheTranspiler()
    {
        var ts = FileUrl.FromPath(_temp.File("x.ts", "const a: number = 1;")).Href;
        var loaded = Loader((url, source) => source.Replace(": number", "        ")).Load(ts, null);
        Assert.Equal("const a         = 1;", loaded.Source);
        Assert.Contains("no TypeScript transpiler", Assert.Throws<OpError>(() => Loader().Load(ts, null)).Message);
    }

    [Fact]
    public void RemoteModulesAreNotLoadedHereYet()
    {
        var error = Assert.Throws<OpError>(() => Loader().Load("https://example.com/x.js", null));
        Assert.Contains("only file: modules can be loaded", error.Message);
    }

    [Fact]
    public void FileNamesWithUrlSpecialCharactersRoundTrip()
    {
        var main = FileUrl.FromPath(_temp.File("main.js")).Href;
        _temp.File("dir with space/100%.js", "export default 1;");
        var loader = Loader();
        var url = loader.Resolve("./dir%20with%20space/100%25.js", main);
        Assert.Equal("export default 1;", loader.Load(url, null).Source);
    }
}
