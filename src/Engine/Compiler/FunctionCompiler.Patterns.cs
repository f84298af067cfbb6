using DualEngine.Syntax.Ast;

namespace DualEngine.Engine.Compiler;

/// <summary>
/// Destructuring: binding and assignment patterns (BindingInitialization §8.6.2, DestructuringAssignmentEvaluation
/// §13.15.5), with each element's target reference evaluated before its value is read.
/// </summary>
internal sealed partial class FunctionCompiler
{
    /// <summary>
    /// Binds or assigns the value on top of the stack to a target (consumes it): an identifier, a member
    /// (assignment patterns only), or an object/array pattern (BindingInitialization §8.6.2,
    /// DestructuringAssignmentEvaluation §13.15.5.2).
    /// </summary>
    private void CompileBindingTarget(Node target, bool initialize)
    {
        Throw.IfStackLow();
        switch (target)
        {
            case Identifier id:
                if (initialize) EmitInitialize(id.Name);
                else EmitAssign(id.Name);
                return;
            case MemberExpression m:
                CompileAssignmentTarget(m);
                return;
            case AssignmentPattern ap:
                EmitDefaultValue(ap);
                CompileBindingTarget(ap.Left, initialize);
                return;
            case ObjectPattern op: CompileObjectPattern(op, initialize); return;
            case ArrayPattern ap2: CompileArrayPattern(ap2, initialize); return;
            case VariableDeclaration vd:
                CompileBindingTarget(vd.Declarations[0].Id, initialize: vd.DeclarationKind != VariableKind.Var);
                return;
        }
        Throw.SyntaxError("Invalid destructuring target");
    }

    /// <summary>Assigns the value on the stack to an assignment target (identifier, member or pattern).</summary>
    private void CompileAssignmentTarget(Node target)
    {
        if (target is CallExpression call)
        {
            // `for (f() in o)` in sloppy code: each iteration calls f, then throws (see EmitCallTargetError).
            _b.Emit(OpCode.Pop, -1);
            EmitCallTargetError(call, "Invalid left-hand side in for-loop");
            _b.Emit(OpCode.Pop, -1);
            return;
        }
        if (target is MemberExpression m)
        {
            int top = _b.RegisterTop;
            int valueReg = _b.AllocRegister();
            _b.Emit(OpCode.StoreReg, -1, valueReg);
            CompileMemberStore(m, () => _b.Emit(OpCode.LoadReg, 1, valueReg));
            _b.Emit(OpCode.Pop, -1);
            _b.ReleaseTo(top);
            return;
        }
        CompileBindingTarget(target, initialize: false);
    }

    private void CompileObjectPattern(ObjectPattern p, bool initialize)
    {
        int top = _b.RegisterTop;
        _b.Position(p);
        _b.Emit(OpCode.CheckObjectCoercible, 0);
        bool hasRest = p.Properties.Exists(x => x is RestElement);
        int srcReg = _b.AllocRegister();
        _b.Emit(OpCode.StoreReg, -1, srcReg);
        var keyRegs = new List<int>();
        foreach (var node in p.Properties)
        {
            if (node is RestElement rest)
            {
                // The target reference comes before the copy (§13.15.5.4 step 1).
                int restTop = _b.RegisterTop;
                var restTarget = EvaluateTargetEarly(rest, initialize);
                _b.Emit(OpCode.NewObject, 1);
                _b.Emit(OpCode.LoadReg, 1, srcReg);
                foreach (var k in keyRegs) _b.Emit(OpCode.LoadReg, 1, k);
                _b.Emit(OpCode.CopyDataPropertiesExcluding, -1 - keyRegs.Count, keyRegs.Count);
                StoreTarget(rest, restTarget, initialize);
                _b.ReleaseTo(restTop);
                continue;
            }
            var prop = (Property)node;
            _b.Emit(OpCode.LoadReg, 1, srcReg);
            if (prop.Computed)
            {
                CompileExpression(prop.Key);
                _b.Emit(OpCode.ToPropertyKey, 0);
                if (hasRest)
                {
                    int kr = _b.AllocRegister();
                    keyRegs.Add(kr);
                    _b.Emit(OpCode.Dup, 1);
                    _b.Emit(OpCode.StoreReg, -1, kr);
                }
            }
            string? staticKey = null;
            if (!prop.Computed)
            {
                staticKey = StaticKey(prop.Key);
                if (hasRest)
                {
                    int kr = _b.AllocRegister();
                    keyRegs.Add(kr);
                    _b.Emit(OpCode.Const, 1, _b.Constant(JsValue.FromString(staticKey)));
                    _b.Emit(OpCode.StoreReg, -1, kr);
                }
            }
            // The property key, then the target reference, then GetV (§13.15.5.6 steps 1-2, §14.3.3.3 step 2).
            int targetTop = _b.RegisterTop;
            var target = EvaluateTargetEarly(prop.Value, initialize);
            if (staticKey is null) _b.Emit(OpCode.GetElem, -1);
            else _b.Emit(OpCode.GetNamed, 0, _b.Name(staticKey), _b.NewCache());
            StoreTarget(prop.Value, target, initialize);
            _b.ReleaseTo(targetTop);
        }
        _b.ReleaseTo(top);
    }

    private void CompileArrayPattern(ArrayPattern p, bool initialize)
    {
        int top = _b.RegisterTop;
        _b.Position(p);
        _b.Emit(OpCode.GetIterator, 0);
        int iterReg = _b.AllocRegister();
        _b.Emit(OpCode.StoreReg, -1, iterReg);
        // An abrupt completion of the elements closes the iterator unless it is done (§8.6.2 and §13.15.5.2, "if
        // iteratorRecord.[[Done]] is false, return ? IteratorClose(iteratorRecord, result)"): a throw closes it quietly
        // and rethrows (the handler below); a generator's return resumed at a `yield` inside the pattern closes it on
        // the way out (the region's finally code, run by the return's exit sequence).
        int envReg = -1;
        if (ContainsClass(p))
        {
            // A class expression in a default value pushes its scope's environment; the handler restores it.
            envReg = _b.AllocRegister();
            _b.Emit(OpCode.SaveEnv, 0, envReg);
        }
        var region = PushRegion(() => _b.Emit(OpCode.IteratorCloseIfNotDone, 0, iterReg));
        foreach (var el in p.Elements)
        {
            // A target reference is evaluated before the iterator steps (§13.15.5.5 step 1, §8.6.3 ResolveBinding first).
            int targetTop = _b.RegisterTop;
            var target = EvaluateTargetEarly(el, initialize);
            if (el is RestElement rest)
            {
                _b.Emit(OpCode.IteratorRestArray, 1, iterReg);
                StoreTarget(rest, target, initialize);
            }
            else
            {
                _b.Emit(OpCode.IteratorStepValue, 1, iterReg);
                if (el is null) _b.Emit(OpCode.Pop, -1);
                else StoreTarget(el, target, initialize);
            }
            _b.ReleaseTo(targetTop);
        }
        var handler = new Label();
        PopRegion(region, handler);
        _b.Emit(OpCode.IteratorCloseIfNotDone, 0, iterReg);
        var end = new Label();
        _b.EmitJump(OpCode.Jump, end, 0);
        _b.Mark(handler);
        FlushHandlers(handler);
        _b.Depth = region.StackDepth + 1;
        if (envReg >= 0) _b.Emit(OpCode.RestoreEnv, 0, envReg);
        _b.Emit(OpCode.LoadReg, 1, iterReg);
        _b.Emit(OpCode.IteratorCloseQuiet, -1);
        _b.Emit(OpCode.Throw, -1);
        _b.Mark(end);
        _b.ReleaseTo(top);
    }

    /// <summary>The member expression an array-pattern element assigns to (`o.x`, `o[k]`, `o.x = d`, `...o.x`), or null (super targets too).</summary>
    private static MemberExpression? MemberTargetOf(Node? element) => element switch
    {
        MemberExpression { Object: not Super } m => m,
        AssignmentPattern { Left: MemberExpression { Object: not Super } m } => m,
        RestElement { Argument: MemberExpression { Object: not Super } m } => m,
        _ => null,
    };

    /// <summary>
    /// A pattern element's target reference, evaluated before its value is fetched: a member's object and key, or an
    /// identifier's reference when a with-object or eval var object may hold it (default: nothing evaluated early).
    /// </summary>
    private readonly record struct EarlyTarget(MemberExpression? Member, (int Object, int Key) Reference, Identifier? Id, int? Resolved);

    /// <summary>
    /// Evaluates the target of a pattern element (`t`, `t = d`, `...t`) up front when it is a reference: §13.15.5.5
    /// step 1 and §13.15.5.6 step 1 (assignment patterns), §8.6.3 SingleNameBinding step 2 ResolveBinding (a var,
    /// whose name may be a with-object's property). Declarations of let/const/parameters (initialize) resolve statically.
    /// </summary>
    private EarlyTarget EvaluateTargetEarly(Node? element, bool initialize)
    {
        if (initialize) return default;
        if (MemberTargetOf(element) is { } member) return new EarlyTarget(member, EvaluateMemberTarget(member), null, null);
        var id = element switch
        {
            Identifier i => i,
            AssignmentPattern { Left: Identifier i } => i,
            RestElement { Argument: Identifier i } => i,
            _ => null,
        };
        if (id is not null && EmitResolveReference(id.Name) is int reference) return new EarlyTarget(null, default, id, reference);
        return default;
    }

    /// <summary>Stores the element's value on the stack (consumed) through <paramref name="target"/>, after its default.</summary>
    private void StoreTarget(Node element, EarlyTarget target, bool initialize)
    {
        if (target.Member is null && target.Id is null)
        {
            CompileBindingTarget(element is RestElement r ? r.Argument : element, initialize);
            return;
        }
        if (element is AssignmentPattern ap) EmitDefaultValue(ap);
        if (target.Member is not null) StoreMemberTarget(target.Member, target.Reference);
        else EmitAssignResolved(target.Id!.Name, target.Resolved);
    }

    /// <summary>Evaluates a member target's object (and key) into registers: the reference, kept for the store.</summary>
    private (int Object, int Key) EvaluateMemberTarget(MemberExpression m)
    {
        CompileExpression(m.Object);
        int objectReg = _b.AllocRegister();
        _b.Emit(OpCode.StoreReg, -1, objectReg);
        if (!m.Computed) return (objectReg, -1);
        // The key is converted to a property key when the value is stored (PutValue, §6.2.5.6), as in `o[k] = v`.
        CompileExpression(m.Property);
        int keyReg = _b.AllocRegister();
        _b.Emit(OpCode.StoreReg, -1, keyReg);
        return (objectReg, keyReg);
    }

    /// <summary>Stores the value on the stack (consumed) through a reference from <see cref="EvaluateMemberTarget"/>.</summary>
    private void StoreMemberTarget(MemberExpression m, (int Object, int Key) target)
    {
        int valueReg = _b.AllocRegister();
        _b.Emit(OpCode.StoreReg, -1, valueReg);
        _b.Emit(OpCode.LoadReg, 1, target.Object);
        if (target.Key >= 0) _b.Emit(OpCode.LoadReg, 1, target.Key);
        _b.Emit(OpCode.LoadReg, 1, valueReg);
        EmitStoreMember(m);
        _b.Emit(OpCode.Pop, -1);
    }

    /// <summary>An element's default (`= d`): the value on the stack is replaced by d's when it is undefined.</summary>
    private void EmitDefaultValue(AssignmentPattern ap)
    {
        var skip = new Label();
        _b.EmitJump(OpCode.JumpIfNotUndefined, skip, 0);
        _b.Emit(OpCode.Pop, -1);
        if (ap.Left is Identifier named) CompileAssignedValue(ap.Right, named);
        else CompileExpression(ap.Right);
        _b.Mark(skip);
    }
}
