using Microsoft.CodeAnalysis;

namespace DualEngine.Generators.Ops;

/// <summary>The op generator's compile errors. Ids are stable: tests and docs refer to them.</summary>
internal static class OpDiagnostics
{
    private const string Category = "DualEngine.Ops";

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor BadName = Error(
        "DEOP001", "Op name must start with op_",
        "Op '{0}' must be named op_<extension>_<verb> (e.g. op_fs_read_text_file_async): the name is what JavaScript calls and what grep finds on both sides");

    public static readonly DiagnosticDescriptor UnsupportedParameter = Error(
        "DEOP002", "Unsupported op parameter type",
        "Parameter '{0}' of op '{1}' has type '{2}', which ops cannot take; use bool, int, uint, long, double, string, string?, byte[], ReadOnlySpan<byte>, an enum, JsonElement, OpState, IOpCall, or mark a class-typed parameter [FromState]");

    public static readonly DiagnosticDescriptor UnsupportedResult = Error(
        "DEOP003", "Unsupported op result type",
        "Op '{0}' returns '{1}', which ops cannot return; use void, bool, int, uint, long, double, string, byte[], an enum, JsonElement or OpValue (or Task/ValueTask of one for async ops)");

    public static readonly DiagnosticDescriptor FastSignature = Error(
        "DEOP004", "Fast op signature is not fast-callable",
        "Fast op '{0}' {1}: V8's Fast API calls take and return only bool, int, uint and double, and are synchronous");

    public static readonly DiagnosticDescriptor UnsafeRequired = Error(
        "DEOP005", "Fast ops need AllowUnsafeBlocks",
        "Fast op '{0}' needs <AllowUnsafeBlocks>true</AllowUnsafeBlocks> in its project: its entry point is taken with a function pointer (&method), which C# allows only in unsafe code");

    public static readonly DiagnosticDescriptor NotPartial = Error(
        "DEOP006", "Op class must be partial",
        "Type '{0}' declares ops and must be partial (with every type that contains it) so the generator can add its Descriptors");

    public static readonly DiagnosticDescriptor NotStatic = Error(
        "DEOP007", "Op must be a static method",
        "Op '{0}' must be static: ops are called without an instance, and take per-realm services through OpState or [FromState] parameters");

    public static readonly DiagnosticDescriptor Generic = Error(
        "DEOP008", "Op must not be generic",
        "Op '{0}' must not be generic and must not be declared in a generic type: the binding is generated once per op");

    public static readonly DiagnosticDescriptor DuplicateName = Error(
        "DEOP009", "Op declared twice",
        "Op '{0}' is declared more than once in '{1}'; JavaScript finds ops by name, so names must be unique (overloads are not supported)");

    public static readonly DiagnosticDescriptor BadFromState = Error(
        "DEOP010", "[FromState] parameter must be a class",
        "Parameter '{0}' of op '{1}' is [FromState] and so must have a class type (OpState holds services keyed by class)");
}
