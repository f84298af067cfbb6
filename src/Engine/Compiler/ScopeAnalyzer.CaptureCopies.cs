using DualEngine.Syntax.Ast;

namespace DualEngine.Engine.Compiler;

/// <summary>
/// Capture by copy: a closure that reads one binding of its enclosing function which never changes after the
/// closure is created gets that value copied into itself, so the binding needs no environment slot. When every
/// captured binding of a scope qualifies, the scope needs no environment at all: `function make(i) { return () => i; }`
/// allocates the closure and no environment per call (on this machine an allocation costs about as much as ten
/// interpreter instructions). This is only an implementation of the same environment semantics (§9.1): the copy is
/// indistinguishable from the binding because nothing can write the binding once the copy is taken.
/// </summary>
internal sealed partial class ScopeAnalyzer
{
    /// <summary>Marks the bindings whose closures copy them (<see cref="Binding.CopiedIntoClosures"/>); runs after the walk.</summary>
    private void CopyImmutableCaptures()
    {
        var candidates = _capturedBindings.FindAll(IsCopyCandidate);
        // A closure carries one copied value: a function that reads two candidates keeps both in the environment.
        var perFunction = new Dictionary<FunctionInfo, int>(ReferenceEqualityComparer.Instance);
        foreach (var b in candidates)
            foreach (var f in b.ReferencedFrom!)
                perFunction[f] = perFunction.GetValueOrDefault(f) + 1;
        foreach (var b in candidates)
        {
            if (!b.ReferencedFrom!.TrueForAll(f => perFunction[f] == 1)) continue;
            b.Captured = false;
            b.CopiedIntoClosures = true;
            foreach (var f in b.ReferencedFrom) f.CopiedCapture = b;
        }
    }

    /// <summary>
    /// Whether every closure that reads <paramref name="b"/> can take a copy when it is created: the binding is
    /// initialized by then and never written afterwards, by anyone.
    /// </summary>
    private static bool IsCopyCandidate(Binding b)
    {
        if (b.Assigned || b.Redeclared || b.EvalVisible) return false;
        var owner = b.Scope.Function;
        // Only the scopes of real functions: script and module bindings are looked up by name or exported live.
        if (owner.Node is not IFunction || owner.IsFieldInitializer) return false;
        if (b.Scope.Kind is not (ScopeKind.Function or ScopeKind.Block or ScopeKind.Catch)) return false;
        switch (b.Kind)
        {
            case BindingKind.Parameter:
                // Parameter expressions bind in order (TDZ), and a mapped arguments object aliases parameters (§10.4.4).
                if (b.ParameterTdz || owner.UsesArgumentsObject) return false;
                break;
            case BindingKind.Let or BindingKind.Const:
                if (b.InitializedAt == int.MaxValue) return false;
                break;
            default:
                return false;
        }
        foreach (var f in b.ReferencedFrom!)
        {
            // Only closures made directly by the owner, through the Closure instruction (not class constructors or
            // field initializers, which are created elsewhere), can receive the value from the owner's register.
            if (!ReferenceEquals(f.Parent, owner) || f.IsMethod || f.IsFieldInitializer || f.Node is null) return false;
            // A let/const is copied when the closure is created, which must come after the declaration ran: a
            // function expression after it in the source (InitializedAt), never a hoisted declaration.
            if (b.Kind != BindingKind.Parameter && (f.Node is FunctionDeclaration || f.Node.Start < b.InitializedAt)) return false;
        }
        return true;
    }
}
