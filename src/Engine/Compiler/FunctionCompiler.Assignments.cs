using DualEngine.Syntax.Ast;

namespace DualEngine.Engine.Compiler;

/// <summary>Assignment and update expressions (§13.15, §13.4); destructuring patterns are in FunctionCompiler.Patterns.cs.</summary>
internal sealed partial class FunctionCompiler
{
    private void CompileAssignment(AssignmentExpression a)
    {
        var op = a.Operator;
        if (op == AssignmentOperator.Assign)
        {
            switch (a.Left)
            {
                case Identifier id:
                    CompileVariableAssignment(a, id, keepValue: true);
                    return;
                case MemberExpression m:
                    CompileMemberStore(m, () => CompileExpression(a.Right));
                    return;
                case CallExpression call:
                    EmitCallTargetError(call, "Invalid left-hand side in assignment");
                    return;
                default:
                    CompileExpression(a.Right);
                    _b.Emit(OpCode.Dup, 1);
                    CompileBindingTarget(a.Left, initialize: false);
                    return;
            }
        }
        if (op is AssignmentOperator.OrAssign or AssignmentOperator.AndAssign or AssignmentOperator.NullishAssign)
        {
            CompileLogicalAssignment(a);
            return;
        }
        var binop = CompoundOpCode(op);
        switch (a.Left)
        {
            case Identifier id:
                CompileVariableAssignment(a, id, keepValue: true);
                return;
            case MemberExpression m:
                CompileMemberUpdate(m, () =>
                {
                    CompileExpression(a.Right);
                    _b.Position(a);
                    _b.Emit(binop, -1);
                }, postfix: false);
                return;
            case CallExpression call:
                EmitCallTargetError(call, "Invalid left-hand side in assignment");
                return;
        }
        Throw.SyntaxError("Invalid left-hand side in assignment");
    }

    /// <summary>
    /// A call as an assignment, update or for-in/of target in sloppy code (the parser accepts it there, Annex B "Runtime
    /// Errors for Function Call Assignment Targets"): the call is evaluated, then a ReferenceError is thrown before
    /// anything else (no GetValue of the target, no right-hand side). Leaves a placeholder value for stack accounting.
    /// </summary>
    private void EmitCallTargetError(CallExpression call, string message)
    {
        CompileExpression(call);
        _b.Emit(OpCode.Pop, -1);
        _b.Position(call);
        EmitThrow(ErrorType.ReferenceError, message);
    }

    /// <summary>a ||= b, a &amp;&amp;= b, a ??= b (§13.15.2): assign only when the short-circuit does not happen.</summary>
    private void CompileLogicalAssignment(AssignmentExpression a)
    {
        var jump = a.Operator switch
        {
            AssignmentOperator.OrAssign => OpCode.JumpIfTrueKeep,
            AssignmentOperator.AndAssign => OpCode.JumpIfFalseKeep,
            _ => OpCode.JumpIfNotNullishKeep,
        };
        var end = new Label();
        if (a.Left is Identifier id)
        {
            var reference = EmitResolveReference(id.Name);
            _referenceAt = id.Start;
            EmitLoadResolved(id.Name, reference);
            _referenceAt = -1;
            _b.EmitJump(jump, end, -1);
            CompileAssignedValue(a.Right, id);
            _b.Emit(OpCode.Dup, 1);
            _referenceAt = id.Start;
            EmitAssignResolved(id.Name, reference);
            _referenceAt = -1;
            _b.Mark(end);
            return;
        }
        var m = (MemberExpression)a.Left;
        int top = _b.RegisterTop;
        int objReg = _b.AllocRegister();
        int keyReg = _b.AllocRegister();
        CompileExpression(m.Object);
        _b.Emit(OpCode.StoreReg, -1, objReg);
        if (m.Computed) EmitCheckedKey(m, objReg, keyReg);
        EmitLoadMember(m, objReg, keyReg);
        _b.EmitJump(jump, end, -1);
        _b.Emit(OpCode.LoadReg, 1, objReg);
        if (m.Computed) _b.Emit(OpCode.LoadReg, 1, keyReg);
        CompileExpression(a.Right);
        EmitStoreMember(m);
        _b.Mark(end);
        _b.ReleaseTo(top);
    }

    private void EmitLoadMember(MemberExpression m, int objReg, int keyReg)
    {
        _b.Emit(OpCode.LoadReg, 1, objReg);
        if (m.Property is PrivateIdentifier pid)
        {
            EmitLoad("#" + pid.Name);
            _b.Emit(OpCode.PrivateGet, -1);
        }
        else if (m.Computed)
        {
            _b.Emit(OpCode.LoadReg, 1, keyReg);
            _b.Emit(OpCode.GetElem, -1);
        }
        else _b.Emit(OpCode.GetNamed, 0, _b.Name(((Identifier)m.Property).Name), _b.NewCache());
    }

    /// <summary>[obj (key) value] → [value].</summary>
    private void EmitStoreMember(MemberExpression m)
    {
        _b.Position(m);
        if (m.Property is PrivateIdentifier pid)
        {
            EmitLoad("#" + pid.Name);
            _b.Emit(OpCode.Swap, 0);
            _b.Emit(OpCode.PrivateSet, -2);
        }
        else if (m.Computed) _b.Emit(OpCode.SetElem, -2);
        else _b.Emit(OpCode.SetNamed, -1, _b.Name(((Identifier)m.Property).Name), _b.NewCache());
    }

    /// <summary>obj.p = value / obj[k] = value / super.p = value; leaves the value.</summary>
    private void CompileMemberStore(MemberExpression m, Action emitValue)
    {
        if (m.Object is Super)
        {
            EmitLoad("this");
            EmitSuperKey(m);
            emitValue();
            EmitLoad("%home");
            _b.Position(m);
            _b.Emit(OpCode.SetSuper, -3);
            return;
        }
        CompileExpression(m.Object);
        // The key is converted by PutValue after the right-hand side is evaluated (§6.2.5.6, ES2024): SetElem does it.
        if (m.Computed) CompileExpression(m.Property);
        emitValue();
        EmitStoreMember(m);
    }

    /// <summary>Read-modify-write of a member: <paramref name="modify"/> turns [old] into [new].</summary>
    private void CompileMemberUpdate(MemberExpression m, Action modify, bool postfix)
    {
        if (!postfix && m.Object is not Super && !m.Computed && m.Property is Identifier name)
        {
            // obj.p op= v and ++obj.p need no temporaries: [obj] → [obj obj] → [obj old] → [obj new] → [new].
            CompileExpression(m.Object);
            _b.Emit(OpCode.Dup, 1);
            _b.Emit(OpCode.GetNamed, 0, _b.Name(name.Name), _b.NewCache());
            modify();
            EmitStoreMember(m);
            return;
        }
        int top = _b.RegisterTop;
        int objReg = _b.AllocRegister();
        int keyReg = _b.AllocRegister();
        int oldReg = _b.AllocRegister();
        int newReg = _b.AllocRegister();
        bool isSuper = m.Object is Super;
        if (isSuper)
        {
            EmitLoad("this");
            _b.Emit(OpCode.StoreReg, -1, objReg);
            EmitSuperKey(m, convert: true);
            _b.Emit(OpCode.StoreReg, -1, keyReg);
            _b.Emit(OpCode.LoadReg, 1, objReg);
            _b.Emit(OpCode.LoadReg, 1, keyReg);
            EmitLoad("%home");
            _b.Emit(OpCode.GetSuper, -2);
        }
        else
        {
            CompileExpression(m.Object);
            _b.Emit(OpCode.StoreReg, -1, objReg);
            if (m.Computed) EmitCheckedKey(m, objReg, keyReg);
            EmitLoadMember(m, objReg, keyReg);
        }
        if (postfix)
        {
            _b.Emit(OpCode.ToNumeric, 0);
            _b.Emit(OpCode.Dup, 1);
            _b.Emit(OpCode.StoreReg, -1, oldReg);
        }
        modify();
        _b.Emit(OpCode.StoreReg, -1, newReg);
        _b.Emit(OpCode.LoadReg, 1, objReg);
        if (isSuper || m.Computed) _b.Emit(OpCode.LoadReg, 1, keyReg);
        _b.Emit(OpCode.LoadReg, 1, newReg);
        if (isSuper)
        {
            EmitLoad("%home");
            _b.Emit(OpCode.SetSuper, -3);
        }
        else EmitStoreMember(m);
        if (postfix)
        {
            _b.Emit(OpCode.Pop, -1);
            _b.Emit(OpCode.LoadReg, 1, oldReg);
        }
        _b.ReleaseTo(top);
    }

    /// <summary>
    /// x = v and x op= v (not the logical forms). The reference is resolved before the right-hand side runs
    /// (§13.15.2 step 1.a); <paramref name="keepValue"/> leaves the assigned value on the stack.
    /// </summary>
    private void CompileVariableAssignment(AssignmentExpression a, Identifier id, bool keepValue)
    {
        if (a.Operator is AssignmentOperator.PlusAssign or AssignmentOperator.MinusAssign
            && PlainRegister(id) is int register && !AssignsName(a.Right, id.Name))
        {
            // `s += v` on a register variable that v cannot assign: nothing between reading s and the addition
            // can change it, so v is computed first and added into the register in place.
            CompileExpression(a.Right);
            _b.Position(a);
            _b.Emit(a.Operator == AssignmentOperator.PlusAssign ? OpCode.AddToReg : OpCode.SubToReg, -1, register);
            if (keepValue) _b.Emit(OpCode.LoadReg, 1, register);
            return;
        }
        int top = _b.RegisterTop;
        var reference = EmitResolveReference(id.Name);
        if (reference is null && a.Operator == AssignmentOperator.Assign && MayBeUnresolvable(id.Name) && !RunsNoCode(a.Right))
        {
            CompileUnresolvableAssignment(a, id, keepValue);
            _b.ReleaseTo(top);
            return;
        }
        if (a.Operator == AssignmentOperator.Assign) CompileAssignedValue(a.Right, id);
        else
        {
            _referenceAt = id.Start;
            EmitLoadResolved(id.Name, reference);
            _referenceAt = -1;
            CompileExpression(a.Right);
            _b.Position(a);
            _b.Emit(CompoundOpCode(a.Operator), -1);
        }
        if (keepValue) _b.Emit(OpCode.Dup, 1);
        _b.Position(a);
        _referenceAt = id.Start;
        EmitAssignResolved(id.Name, reference);
        _referenceAt = -1;
        _b.ReleaseTo(top);
    }

    /// <summary>
    /// In strict code, a name that no scope declares, not even this script's top level: the global environment
    /// may not have it, and then the assignment throws even if the right-hand side creates it.
    /// </summary>
    private bool MayBeUnresolvable(string name) =>
        Strict && Lookup(name, out _) is null && !_analysis.ScriptGlobals.Contains(name);

    /// <summary>An expression whose evaluation cannot run user code (so cannot create a global binding).</summary>
    private static bool RunsNoCode(Expression e) => e is Literal or FunctionExpression or ArrowFunctionExpression or ThisExpression
        || e is TemplateLiteral { Expressions.Count: 0 };

    /// <summary>
    /// `x = v` in strict code where x may be unresolvable: the reference is resolved before v is evaluated
    /// (§13.15.2 step 1.a), and PutValue of an unresolvable reference throws a ReferenceError (§6.2.5.6 step 3.a)
    /// even when v created a global property named x in between.
    /// </summary>
    private void CompileUnresolvableAssignment(AssignmentExpression a, Identifier id, bool keepValue)
    {
        int resolved = _b.AllocRegister();
        _b.Emit(OpCode.HasGlobalBinding, 1, _b.Name(id.Name));
        _b.Emit(OpCode.StoreReg, -1, resolved);
        CompileAssignedValue(a.Right, id);
        if (keepValue) _b.Emit(OpCode.Dup, 1);
        _b.Position(a);
        var store = new Label();
        _b.Emit(OpCode.LoadReg, 1, resolved);
        _b.EmitJump(OpCode.JumpIfTrue, store, -1);
        _b.Emit(OpCode.ThrowError, 0, (int)ErrorType.ReferenceError, _b.Name(id.Name + " is not defined"));
        _b.Mark(store);
        EmitAssignStatic(id.Name);
    }

    /// <summary>
    /// The register of <paramref name="id"/> when it names a mutable variable of this function kept in a
    /// register that loads and stores without checks (no TDZ check, not captured, no `with` or eval object in
    /// between); null otherwise.
    /// </summary>
    private int? PlainRegister(Identifier id)
    {
        string name = id.Name;
        if (name.StartsWith('%') || name is "this" or "new.target" or "arguments") return null;
        for (var s = _scope; s is not null; s = s.Parent)
        {
            if (s.Find(name) is not null && s.Kind != ScopeKind.With) break;
            if ((s.Kind == ScopeKind.With ? s.Find("%with") : s.Find("%evalvars")) is not null) return null;
        }
        var b = Lookup(name, out _);
        if (b is null || b.Captured || b.FromFrame || b.IsImmutable || b.Register < 0) return null;
        if (b.Kind is BindingKind.Import or BindingKind.FunctionSelf || !ReferenceEquals(b.Scope.Function, _info)) return null;
        _referenceAt = id.Start;
        bool check = b.NeedsTdz && !DefinitelyInitialized(b);
        _referenceAt = -1;
        return check ? null : b.Register;
    }

    /// <summary>Whether <paramref name="e"/> may assign the variable <paramref name="name"/> (any assignment or update whose target mentions it).</summary>
    private static bool AssignsName(Expression e, string name)
    {
        var pending = new Stack<Node>();
        pending.Push(e);
        var children = new List<Node>(4);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            Node? target = node switch
            {
                AssignmentExpression assignment => assignment.Left,
                UpdateExpression update => update.Argument,
                _ => null,
            };
            if (target is not null && Mentions(target, name)) return true;
            children.Clear();
            AstChildren.Collect(node, children);
            foreach (var child in children) pending.Push(child);
        }
        return false;

        static bool Mentions(Node target, string name)
        {
            if (target is Identifier { } i) return i.Name == name;
            var children = new List<Node>(4);
            AstChildren.Collect(target, children);
            foreach (var child in children)
                if (Mentions(child, name)) return true;
            return false;
        }
    }

    /// <summary>
    /// Compiles an expression whose value is not used (an expression statement, a for-update, a comma
    /// operand). Assignments and updates of a variable then store without the Dup/Pop pair; the
    /// evaluation order is the same as in <see cref="CompileExpression"/>.
    /// </summary>
    private void CompileEffect(Expression e)
    {
        switch (e)
        {
            case AssignmentExpression { Left: Identifier id } a
                when a.Operator is not (AssignmentOperator.OrAssign or AssignmentOperator.AndAssign or AssignmentOperator.NullishAssign):
                CompileVariableAssignment(a, id, keepValue: false);
                return;
            case UpdateExpression { Argument: Identifier id } u:
            {
                // The old value is not needed, so postfix compiles like prefix: Inc/Dec apply ToNumeric themselves.
                _b.Position(u);
                var reference = EmitResolveReference(id.Name);
                _referenceAt = id.Start;
                EmitLoadResolved(id.Name, reference);
                _referenceAt = -1;
                _b.Emit(u.Operator == UpdateOperator.Increment ? OpCode.Inc : OpCode.Dec, 0);
                _referenceAt = id.Start;
                EmitAssignResolved(id.Name, reference);
                _referenceAt = -1;
                return;
            }
        }
        CompileExpression(e);
        _b.Emit(OpCode.Pop, -1);
    }

    /// <summary>++ and -- (§13.4): prefix yields the new value, postfix the old one (after ToNumeric).</summary>
    private void CompileUpdate(UpdateExpression u)
    {
        var op = u.Operator == UpdateOperator.Increment ? OpCode.Inc : OpCode.Dec;
        _b.Position(u);
        if (u.Argument is Identifier id)
        {
            var reference = EmitResolveReference(id.Name);
            _referenceAt = id.Start;
            EmitLoadResolved(id.Name, reference);
            _referenceAt = -1;
            if (u.Prefix)
            {
                _b.Emit(op, 0);
                _b.Emit(OpCode.Dup, 1);
            }
            else
            {
                _b.Emit(OpCode.ToNumeric, 0);
                _b.Emit(OpCode.Dup, 1);
                _b.Emit(op, 0);
            }
            _referenceAt = id.Start;
            EmitAssignResolved(id.Name, reference);
            _referenceAt = -1;
            return;
        }
        if (u.Argument is CallExpression call)
        {
            EmitCallTargetError(call, $"Invalid left-hand side expression in {(u.Prefix ? "prefix" : "postfix")} operation");
            return;
        }
        CompileMemberUpdate((MemberExpression)u.Argument, () => _b.Emit(op, 0), postfix: !u.Prefix);
    }

    /// <summary>
    /// The value assigned to identifier <paramref name="target"/>: an anonymous function gets its name (NamedEvaluation)
    /// only when the target is an IdentifierRef, not a parenthesized one (`(fn) = function () {}` keeps the name "",
    /// §13.15.2 step 1.c: IsIdentifierRef of a ParenthesizedExpression is false).
    /// </summary>
    private void CompileAssignedValue(Expression value, Identifier target)
    {
        if (target.ParenthesizedCount == 0) CompileNamedExpression(value, target.Name);
        else CompileExpression(value);
    }

    /// <summary>Whether a class expression occurs in <paramref name="node"/> (outside nested functions too: a conservative check).</summary>
    private static bool ContainsClass(Node node)
    {
        var pending = new Stack<Node>();
        pending.Push(node);
        var children = new List<Node>(4);
        while (pending.Count > 0)
        {
            var n = pending.Pop();
            if (n is ClassExpression) return true;
            children.Clear();
            AstChildren.Collect(n, children);
            foreach (var c in children) pending.Push(c);
        }
        return false;
    }

    // ---- generators and async ----

    private void CompileYield(YieldExpression y)
    {
        _b.Position(y);
        if (y.Delegate)
        {
            if (_code.IsAsync) CompileAsyncYieldDelegate(y);
            else CompileYieldDelegate(y);
            return;
        }
        if (y.Argument is null) _b.Emit(OpCode.Undefined, 1);
        else CompileExpression(y.Argument);
        _b.Emit(_code.IsAsync ? OpCode.AsyncGeneratorYield : OpCode.Yield, 0);
        EmitResumeReturnCheck();
    }

    /// <summary>After a resumption point: a generator.return(v) resumption returns v through the finally blocks.</summary>
    private void EmitResumeReturnCheck()
    {
        var normal = new Label();
        _b.Emit(OpCode.GeneratorResumeKind, 1);
        _b.Emit(OpCode.Int, 1, 2);
        _b.Emit(OpCode.StrictEq, -1);
        _b.EmitJump(OpCode.JumpIfFalse, normal, -1);
        _b.Emit(OpCode.Dup, 1);
        EmitReturn();
        _b.Mark(normal);
    }

    /// <summary>yield* (§15.5.5): the interpreter's YieldDelegate op drives the inner iterator one step per resume.</summary>
    private void CompileYieldDelegate(YieldExpression y)
    {
        int top = _b.RegisterTop;
        CompileExpression(y.Argument);
        _b.Emit(_code.IsAsync ? OpCode.GetAsyncIterator : OpCode.GetIterator, 0);
        int iterReg = _b.AllocRegister();
        _b.Emit(OpCode.StoreReg, -1, iterReg);
        _b.Emit(OpCode.Undefined, 1); // the first next() receives undefined
        var loop = new Label();
        var done = new Label();
        _b.Mark(loop);
        // [received] → either [innerResult] and suspends (yield of the inner result), or jumps to done with [value]
        _b.EmitRegJump(OpCode.YieldDelegate, iterReg, done, 0);
        EmitResumeReturnCheckForDelegate();
        _b.EmitJump(OpCode.Jump, loop, 0);
        _b.Mark(done);
        _b.ReleaseTo(top);
    }

    /// <summary>yield* in an async generator (§15.5.5 with generatorKind async): each step awaits the inner result.</summary>
    private void CompileAsyncYieldDelegate(YieldExpression y)
    {
        int top = _b.RegisterTop;
        CompileExpression(y.Argument);
        _b.Emit(OpCode.GetAsyncIterator, 0);
        int iterReg = _b.AllocRegister();
        _b.Emit(OpCode.StoreReg, -1, iterReg);
        _b.Emit(OpCode.Undefined, 1);
        var loop = new Label();
        var done = new Label();
        var ret = new Label();
        _b.Mark(loop);
        _b.Emit(OpCode.AsyncDelegateCall, 0, iterReg);
        EmitAwait();
        _b.EmitRegJump(OpCode.AsyncDelegateResult, iterReg, done, 0, ret);
        _b.Emit(OpCode.AsyncDelegateYield, 0);
        _b.EmitJump(OpCode.Jump, loop, 0);
        _b.Mark(ret);
        EmitReturn();
        _b.Emit(OpCode.Undefined, 1);
        _b.Mark(done);
        _b.ReleaseTo(top);
    }

    private void EmitResumeReturnCheckForDelegate()
    {
        // A return resumption is forwarded to the inner iterator by YieldDelegate itself; when the inner
        // iterator finishes a forwarded return, YieldDelegate leaves kind 2 and the value: return it.
        var normal = new Label();
        _b.Emit(OpCode.GeneratorResumeKind, 1);
        _b.Emit(OpCode.Int, 1, 3);
        _b.Emit(OpCode.StrictEq, -1);
        _b.EmitJump(OpCode.JumpIfFalse, normal, -1);
        EmitReturn();
        _b.Emit(OpCode.Undefined, 1);
        _b.Mark(normal);
    }

    private void EmitAwait()
    {
        _b.Emit(OpCode.Await, 0);
    }

    /// <summary>
    /// The key of a read-modify-write member reference (compound assignment, ++/--): GetValue converts the base
    /// to an object before the key to a property key (§6.2.5.5 steps 3.a-b), so `null[k] += 1` never calls k.toString.
    /// </summary>
    private void EmitCheckedKey(MemberExpression m, int objReg, int keyReg)
    {
        CompileExpression(m.Property);
        _b.Emit(OpCode.LoadReg, 1, objReg);
        _b.Emit(OpCode.Swap, 0);
        _b.Emit(OpCode.ToPropertyKeyOf, 0);
        _b.Emit(OpCode.StoreReg, -1, keyReg);
        _b.Emit(OpCode.Pop, -1);
    }
}
