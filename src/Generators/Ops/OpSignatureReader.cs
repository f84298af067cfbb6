using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DualEngine.Generators.Ops;

/// <summary>
/// Turns an <c>[Op]</c> method symbol into an <see cref="OpCandidate"/>: classifies each parameter
/// and the result, and collects diagnostics (deno_core's op2 <c>signature.rs</c>).
/// </summary>
internal static class OpSignatureReader
{
    private const string OpStateName = "DualEngine.Abstractions.Ops.OpState";
    private const string OpCallName = "DualEngine.Abstractions.Ops.IOpCall";
    private const string OpValueName = "DualEngine.Abstractions.Ops.OpValue";
    private const string FromStateName = "DualEngine.Abstractions.Ops.FromStateAttribute";
    private const string JsonElementName = "System.Text.Json.JsonElement";

    /// <summary>Fully qualified, keeping <c>?</c> on nullable reference types so generated signatures match.</summary>
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static OpCandidate Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var method = (IMethodSymbol)context.TargetSymbol;
        var diagnostics = new List<DiagnosticInfo>();
        var location = method.Locations.FirstOrDefault();
        var classInfo = ReadClass(method.ContainingType, method.Name, diagnostics, location);
        var classUsable = diagnostics.Count == 0;
        cancellationToken.ThrowIfCancellationRequested();

        var fast = context.Attributes[0].NamedArguments
            .Any(a => a.Key == "Fast" && a.Value.Value is true);

        var usable = true;
        if (!method.Name.StartsWith("op_", System.StringComparison.Ordinal))
        {
            diagnostics.Add(DiagnosticInfo.Create(OpDiagnostics.BadName, location, method.Name));
            usable = false;
        }
        if (!method.IsStatic)
        {
            diagnostics.Add(DiagnosticInfo.Create(OpDiagnostics.NotStatic, location, method.Name));
            usable = false;
        }
        if (method.IsGenericMethod)
        {
            diagnostics.Add(DiagnosticInfo.Create(OpDiagnostics.Generic, location, method.Name));
            usable = false;
        }

        var parameters = new List<OpParameter>();
        var jsIndex = 0;
        foreach (var parameter in method.Parameters)
        {
            var kind = ClassifyParameter(parameter, method, diagnostics);
            if (kind is null)
            {
                usable = false;
                continue;
            }
            var takesJsArgument = kind is not (OpArgumentKind.OpState or OpArgumentKind.OpCall or OpArgumentKind.State or OpArgumentKind.OptionalState);
            var typeName = parameter.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeFormat);
            parameters.Add(new OpParameter(parameter.Name, kind.Value, typeName, takesJsArgument ? jsIndex++ : -1));
        }

        var (shape, result) = ClassifyReturn(method);
        if (result is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(OpDiagnostics.UnsupportedResult, location, method.Name, method.ReturnType.ToDisplayString()));
            usable = false;
        }

        if (fast && usable)
        {
            var problem = FastProblem(shape, result!.Value, parameters);
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(OpDiagnostics.FastSignature, location, method.Name, problem));
                usable = false;
            }
        }

        var op = usable
            ? new OpMethod(method.Name, shape, result!.Value, method.ReturnType.ToDisplayString(TypeFormat),
                EquatableArray.From(parameters), fast, LocationInfo.From(location))
            : null;
        return new OpCandidate(classInfo, classUsable, op, EquatableArray.From(diagnostics));
    }

    private static OpClassInfo ReadClass(INamedTypeSymbol type, string opName, List<DiagnosticInfo> diagnostics, Location? opLocation)
    {
        var chain = new List<ContainingTypeInfo>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (!IsPartial(current))
                diagnostics.Add(DiagnosticInfo.Create(OpDiagnostics.NotPartial, current.Locations.FirstOrDefault() ?? opLocation, current.ToDisplayString()));
            if (current.IsGenericType)
                diagnostics.Add(DiagnosticInfo.Create(OpDiagnostics.Generic, opLocation, opName));
            chain.Insert(0, new ContainingTypeInfo(DeclarationOf(current), current.Name));
        }
        var ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        var hintName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)
            .Replace("global::", "").Replace('<', '[').Replace('>', ']') + ".Ops.g.cs";
        return new OpClassInfo(ns, EquatableArray.From(chain), hintName);
    }

    private static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Any(r =>
            r.GetSyntax() is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static string DeclarationOf(INamedTypeSymbol type)
    {
        var keyword = (type.IsRecord, type.TypeKind) switch
        {
            (true, TypeKind.Struct) => "record struct",
            (true, _) => "record",
            (_, TypeKind.Struct) => "struct",
            (_, TypeKind.Interface) => "interface",
            _ => "class",
        };
        return (type.IsStatic ? "static " : "") + "partial " + keyword;
    }

    private static OpArgumentKind? ClassifyParameter(IParameterSymbol parameter, IMethodSymbol method, List<DiagnosticInfo> diagnostics)
    {
        var type = parameter.Type;
        var location = parameter.Locations.FirstOrDefault();
        if (parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == FromStateName))
        {
            if (type.TypeKind != TypeKind.Class || type.SpecialType == SpecialType.System_String)
            {
                diagnostics.Add(DiagnosticInfo.Create(OpDiagnostics.BadFromState, location, parameter.Name, method.Name));
                return null;
            }
            return type.NullableAnnotation == NullableAnnotation.Annotated ? OpArgumentKind.OptionalState : OpArgumentKind.State;
        }

        OpArgumentKind? kind = parameter.RefKind != RefKind.None ? null : type.SpecialType switch
        {
            SpecialType.System_Boolean => OpArgumentKind.Boolean,
            SpecialType.System_Int32 => OpArgumentKind.Int32,
            SpecialType.System_UInt32 => OpArgumentKind.UInt32,
            SpecialType.System_Int64 => OpArgumentKind.Int64,
            SpecialType.System_Double => OpArgumentKind.Double,
            SpecialType.System_String => type.NullableAnnotation == NullableAnnotation.Annotated
                ? OpArgumentKind.NullableString
                : OpArgumentKind.String,
            _ => ClassifyOtherParameter(type),
        };
        if (kind is null)
            diagnostics.Add(DiagnosticInfo.Create(OpDiagnostics.UnsupportedParameter, location, parameter.Name, method.Name, type.ToDisplayString()));
        return kind;
    }

    private static OpArgumentKind? ClassifyOtherParameter(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
            return OpArgumentKind.Bytes;
        if (type.TypeKind == TypeKind.Enum)
            return OpArgumentKind.Enum;
        if (type is INamedTypeSymbol { IsGenericType: true } generic
            && generic.OriginalDefinition.ToDisplayString() == "System.ReadOnlySpan<T>"
            && generic.TypeArguments[0].SpecialType == SpecialType.System_Byte)
            return OpArgumentKind.ByteSpan;
        return type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.None)) switch
        {
            OpStateName => OpArgumentKind.OpState,
            OpCallName => OpArgumentKind.OpCall,
            JsonElementName => OpArgumentKind.Json,
            _ => null,
        };
    }

    private static (OpReturnShape Shape, OpResultKind? Result) ClassifyReturn(IMethodSymbol method)
    {
        if (method.ReturnsVoid) return (OpReturnShape.Direct, OpResultKind.Void);
        if (method.ReturnType is INamedTypeSymbol named)
        {
            switch (named.OriginalDefinition.ToDisplayString())
            {
                case "System.Threading.Tasks.Task": return (OpReturnShape.Task, OpResultKind.Void);
                case "System.Threading.Tasks.ValueTask": return (OpReturnShape.ValueTask, OpResultKind.Void);
                case "System.Threading.Tasks.Task<TResult>": return (OpReturnShape.TaskOfT, ClassifyResult(named.TypeArguments[0]));
                case "System.Threading.Tasks.ValueTask<TResult>": return (OpReturnShape.ValueTaskOfT, ClassifyResult(named.TypeArguments[0]));
            }
        }
        return (OpReturnShape.Direct, ClassifyResult(method.ReturnType));
    }

    private static OpResultKind? ClassifyResult(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean: return OpResultKind.Boolean;
            case SpecialType.System_Int32: return OpResultKind.Int32;
            case SpecialType.System_UInt32: return OpResultKind.UInt32;
            case SpecialType.System_Int64: return OpResultKind.Int64;
            case SpecialType.System_Double: return OpResultKind.Double;
            case SpecialType.System_String: return OpResultKind.String;
        }
        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte }) return OpResultKind.Bytes;
        if (type.TypeKind == TypeKind.Enum) return OpResultKind.Enum;
        return type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.None)) switch
        {
            OpValueName => OpResultKind.OpValue,
            JsonElementName => OpResultKind.Json,
            _ => null,
        };
    }

    /// <summary>Why a fast op's signature cannot be a V8 Fast API call, or null when it can.</summary>
    private static string? FastProblem(OpReturnShape shape, OpResultKind result, List<OpParameter> parameters)
    {
        if (shape != OpReturnShape.Direct) return "is async";
        if (result is not (OpResultKind.Void or OpResultKind.Boolean or OpResultKind.Int32 or OpResultKind.UInt32 or OpResultKind.Double))
            return $"returns {result}";
        foreach (var parameter in parameters)
        {
            if (parameter.Kind is not (OpArgumentKind.Boolean or OpArgumentKind.Int32 or OpArgumentKind.UInt32 or OpArgumentKind.Double))
                return $"takes parameter '{parameter.Name}' of kind {parameter.Kind}";
        }
        return null;
    }
}
