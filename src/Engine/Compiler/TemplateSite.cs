namespace DualEngine.Engine.Compiler;

/// <summary>A tagged template call site: its strings, and the frozen template object once created (§13.2.8.4 GetTemplateObject).</summary>
internal sealed class TemplateSite(List<string?> cooked, List<string> raw)
{
    public List<string?> Cooked { get; } = cooked;
    public List<string> Raw { get; } = raw;
    /// <summary>Cached per realm: the spec keys the registry on the realm and the site.</summary>
    public JsArray? Cached;
    public Realm? CachedRealm;
}
