using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Modules;
using DualEngine.Syntax;
using DualEngine.Syntax.TypeScript;

namespace DualEngine.Runtime;

/// <summary>
/// Turns a TypeScript module into JavaScript for any engine by erasing its types in place (src/Syntax):
/// every line and column stays where it was, so stack traces need no source map.
/// </summary>
public static class TypeScriptTranspiler
{
    /// <summary>The transpile function <see cref="FileModuleLoader"/> takes; a syntax error becomes a JS SyntaxError naming file:line:col.</summary>
    public static string Transpile(WebUrl url, string source)
    {
        try
        {
            return TypeScriptEraser.Erase(source, url.Href);
        }
        catch (JsSyntaxException ex)
        {
            throw new OpError("SyntaxError", $"SyntaxError: {ex.Description}\n    at {url.Href}:{ex.Line}:{ex.Column}");
        }
    }
}
