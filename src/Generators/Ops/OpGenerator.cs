using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DualEngine.Generators.Ops;

/// <summary>
/// The op source generator: for each partial class with <c>[Op]</c> static methods, emits a
/// <c>public static IReadOnlyList&lt;OpDescriptor&gt; Descriptors</c> whose entries bind each method to
/// <c>IOpCall</c> (what deno_core's <c>#[op2]</c> macro does for Rust functions). No reflection at run time.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpGenerator : IIncrementalGenerator
{
    private const string OpAttributeName = "DualEngine.Abstractions.Ops.OpAttribute";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var candidates = context.SyntaxProvider.ForAttributeWithMetadataName(
            OpAttributeName,
            static (node, _) => node is MethodDeclarationSyntax,
            static (ctx, ct) => OpSignatureReader.Read(ctx, ct));

        var classes = candidates.Collect().SelectMany(static (all, ct) => GroupByClass(all, ct));

        var allowUnsafe = context.CompilationProvider.Select(static (compilation, _) =>
            compilation.Options is CSharpCompilationOptions { AllowUnsafe: true });

        context.RegisterSourceOutput(classes.Combine(allowUnsafe), static (spc, input) =>
        {
            var (model, unsafeAllowed) = input;
            foreach (var diagnostic in model.Diagnostics)
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            if (!model.Emit) return;
            if (!unsafeAllowed)
            {
                foreach (var op in model.Methods.Where(m => m.Fast))
                    spc.ReportDiagnostic(Diagnostic.Create(OpDiagnostics.UnsafeRequired, op.Location?.ToLocation(), op.Name));
            }
            spc.AddSource(model.Class.HintName, OpClassEmitter.Emit(model, unsafeAllowed));
        });
    }

    private static ImmutableArray<OpClassModel> GroupByClass(ImmutableArray<OpCandidate> candidates, CancellationToken cancellationToken)
    {
        var result = ImmutableArray.CreateBuilder<OpClassModel>();
        foreach (var group in candidates.GroupBy(c => c.Class))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var diagnostics = group.SelectMany(c => c.Diagnostics).Distinct().ToList();
            var methods = new List<OpMethod>();
            var seen = new HashSet<string>();
            foreach (var method in group.Select(c => c.Method))
            {
                if (method is null) continue;
                if (seen.Add(method.Name))
                {
                    methods.Add(method);
                    continue;
                }
                var typeName = string.Join(".", group.Key.Types.Select(t => t.Name));
                diagnostics.Add(new DiagnosticInfo(OpDiagnostics.DuplicateName, method.Location,
                    EquatableArray.From(new[] { new StringValue(method.Name), new StringValue(typeName) })));
            }
            var emit = group.All(c => c.ClassUsable);
            result.Add(new OpClassModel(group.Key, emit, EquatableArray.From(methods), EquatableArray.From(diagnostics)));
        }
        return result.ToImmutable();
    }
}
