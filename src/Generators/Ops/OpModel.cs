using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DualEngine.Generators.Ops;

// The generator's pipeline models. They hold strings and enums only (no symbols or syntax), and
// compare by value, so Roslyn's incremental cache can skip emission when nothing relevant changed.

/// <summary>Where an op parameter's value comes from and how it is converted.</summary>
internal enum OpArgumentKind
{
    Boolean, Int32, UInt32, Int64, Double,
    String,
    /// <summary><c>string?</c>: undefined and null become null.</summary>
    NullableString,
    Bytes,
    ByteSpan,
    /// <summary>An enum, converted from the argument's ToInt32.</summary>
    Enum,
    /// <summary><c>System.Text.Json.JsonElement</c>: the argument as JSON.stringify'd by the backend.</summary>
    Json,
    /// <summary>The call's <c>OpState</c>; takes no JS argument.</summary>
    OpState,
    /// <summary>The <c>IOpCall</c> itself, for ops that need the raw call; takes no JS argument.</summary>
    OpCall,
    /// <summary>A service from <c>OpState</c> (<c>[FromState]</c>); takes no JS argument.</summary>
    State,
    /// <summary>A nullable <c>[FromState]</c> service: null when absent.</summary>
    OptionalState,
}

/// <summary>What an op's (awaited) result is converted from.</summary>
internal enum OpResultKind { Void, Boolean, Int32, UInt32, Int64, Double, String, Bytes, Enum, Json, OpValue }

/// <summary>How an op returns: directly, or through one of the awaitable shapes that make it async.</summary>
internal enum OpReturnShape { Direct, Task, TaskOfT, ValueTask, ValueTaskOfT }

/// <param name="TypeName">Fully qualified type, for casts and <c>State.Get&lt;T&gt;</c>.</param>
/// <param name="JsIndex">Index of the JS argument it reads, or -1 for state/call parameters.</param>
internal sealed record OpParameter(string Name, OpArgumentKind Kind, string TypeName, int JsIndex);

/// <param name="ReturnTypeName">The method's declared return type, fully qualified (the Task type for async ops).</param>
internal sealed record OpMethod(
    string Name,
    OpReturnShape Shape,
    OpResultKind Result,
    string ReturnTypeName,
    EquatableArray<OpParameter> Parameters,
    bool Fast,
    LocationInfo? Location)
{
    public bool IsAsync => Shape != OpReturnShape.Direct;
}

/// <summary>One type in the chain from the outermost containing type to the ops class.</summary>
/// <param name="Declaration">Modifiers and keyword to repeat, e.g. "static partial class".</param>
internal sealed record ContainingTypeInfo(string Declaration, string Name);

/// <summary>The partial class an op lives in.</summary>
internal sealed record OpClassInfo(string? Namespace, EquatableArray<ContainingTypeInfo> Types, string HintName);

/// <summary>What reading one <c>[Op]</c> method produced: the op (if usable) and any diagnostics.</summary>
/// <param name="ClassUsable">False when the containing type cannot get generated members (not partial, generic).</param>
internal sealed record OpCandidate(OpClassInfo Class, bool ClassUsable, OpMethod? Method, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>All ops of one partial class, ready to emit.</summary>
/// <param name="Emit">False when the type cannot take a generated partial (its diagnostics are still reported).</param>
internal sealed record OpClassModel(OpClassInfo Class, bool Emit, EquatableArray<OpMethod> Methods, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>A location without a reference to the syntax tree (trees are not cache-friendly).</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location) =>
        location is null || location.SourceTree is null
            ? null
            : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
}

internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<StringValue> Arguments)
{
    public Diagnostic ToDiagnostic()
    {
        var args = new object[Arguments.Count];
        for (var i = 0; i < args.Length; i++) args[i] = Arguments[i].Value;
        return Diagnostic.Create(Descriptor, Location?.ToLocation(), args);
    }

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
        new(descriptor, LocationInfo.From(location), EquatableArray.From(Array.ConvertAll(arguments, a => new StringValue(a))));
}

/// <summary>A string that can sit in an <see cref="EquatableArray{T}"/>.</summary>
internal readonly record struct StringValue(string Value);
