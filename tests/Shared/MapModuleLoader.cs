using DualEngine.Abstractions.Modules;
using DualEngine.Abstractions.Ops;

namespace DualEngine.Tests.Shared;

/// <summary>Modules from an in-memory map of URL → source, for backend tests.</summary>
internal sealed class MapModuleLoader(Dictionary<string, string> files) : IModuleLoader
{
    public string Resolve(string specifier, string? referrer) =>
        new Uri(referrer is null ? new Uri("file:///") : new Uri(referrer), specifier).ToString();

    public ModuleSource Load(string url, string? type) =>
        files.TryGetValue(url, out var source)
            ? new ModuleSource(url, type == "json" ? ModuleKind.Json : ModuleKind.JavaScript, source)
            : throw new OpError("NotFound", $"Module not found \"{url}\".");
}
