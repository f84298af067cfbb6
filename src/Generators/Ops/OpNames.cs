namespace DualEngine.Generators.Ops;

/// <summary>Fully qualified names the generated code uses (global:: so user types can't shadow them).</summary>
internal static class OpNames
{
    public const string Ops = "global::DualEngine.Abstractions.Ops";
    public const string OpDescriptor = Ops + ".OpDescriptor";
    public const string OpKind = Ops + ".OpKind";
    public const string OpValue = Ops + ".OpValue";
    public const string OpValueKind = Ops + ".OpValueKind";
    public const string FastOpInfo = Ops + ".FastOpInfo";
    public const string FastType = Ops + ".FastType";
    public const string DirectOpInfo = Ops + ".DirectOpInfo";
    public const string DirectOpCall = Ops + ".DirectOpCall";
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string Interlocked = "global::System.Threading.Interlocked";
    public const string JsonDocument = "global::System.Text.Json.JsonDocument";

    /// <summary>Generated members are prefixed so they never clash with the user's members.</summary>
    public static string CompleteMethod(string op) => "__Complete_" + op;
    public static string FastMethod(string op) => "__Fast_" + op;
    public static string DirectMethod(string op) => "__Direct_" + op;
    /// <summary>The class holding the fast-call counters (see FastDispatchEmitter.EmitCounters).</summary>
    public const string FastCounters = "__FastCallCounters";
    public static string FastCounter(string op) => FastCounters + "." + op;
}
