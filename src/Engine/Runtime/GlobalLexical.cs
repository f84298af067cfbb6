namespace DualEngine.Engine.Runtime;

/// <summary>A top-level let/const/class binding of the global declarative record (§9.1.1.4), shared by all scripts of a realm.</summary>
internal sealed class GlobalLexical(bool isConst)
{
    public JsValue Value = JsValue.Empty;
    public bool IsConst { get; } = isConst;
}
