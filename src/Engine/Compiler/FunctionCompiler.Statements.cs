using DualEngine.Syntax.Ast;

namespace DualEngine.Engine.Compiler;

/// <summary>Statements (§14). Invariant: the operand stack is empty between statements.</summary>
internal sealed partial class FunctionCompiler
{
    /// <summary>An if clause as analyzed: a function declaration there is in a block of its own (B.3.4).</summary>
    private Statement IfClause(Statement clause) => _analysis.ClauseBlocks.TryGetValue(clause, out var block) ? block : clause;

    /// <summary>
    /// B.3.2.1 step 29.a.ii.3 / B.3.2.2: evaluating a block-level function declaration of sloppy code copies the block's
    /// binding to the var of the same name (<paramref name="functionVar"/>; null: a global var of the script).
    /// </summary>
    private void EmitBlockFunctionVar(string name, Binding? functionVar)
    {
        if (functionVar is { Kind: BindingKind.EvalVars })
        {
            // A var that sloppy eval code declared on its function's `%evalvars` object (B.3.2.3).
            EmitLoadBindingOf(functionVar);
            EmitLoad(name);
            _b.Emit(OpCode.SetNamedPop, -2, _b.Name(name), _b.NewCache());
            return;
        }
        EmitLoad(name);
        if (functionVar is not null) EmitInitialize(functionVar);
        else _b.Emit(OpCode.SetGlobalBlockFunction, -1, _b.Name(name));
    }

    private void CompileStatement(Statement s, List<string>? labels = null)
    {
        Throw.IfStackLow();
        // if, loops, switch, try and with complete with undefined unless their body produced a value
        // (UpdateEmpty(C, undefined), §14.6.2, §14.7, §14.12.4, §14.15.3, §14.11.2): visible through eval and scripts.
        if (_completionRegister >= 0 && s is IfStatement or WhileStatement or DoWhileStatement or ForStatement or ForInStatement
                or ForOfStatement or SwitchStatement or TryStatement or WithStatement)
        {
            _b.Emit(OpCode.Undefined, 1);
            _b.Emit(OpCode.StoreReg, -1, _completionRegister);
        }
        switch (s)
        {
            case ExpressionStatement e:
                _b.Position(e);
                if (_completionRegister >= 0)
                {
                    CompileExpression(e.Expression);
                    _b.Emit(OpCode.StoreReg, -1, _completionRegister);
                }
                else CompileEffect(e.Expression);
                break;
            case VariableDeclaration v: CompileVariableDeclaration(v); break;
            case FunctionDeclaration f:
                // Hoisted: instantiated on scope entry. In sloppy code a block-level one also assigns its var here (Annex B.3.2).
                if (_analysis.BlockFunctionVars.TryGetValue(f, out var functionVar)) EmitBlockFunctionVar(f.Id!.Name, functionVar);
                break;
            case ClassDeclaration c:
                _b.Position(c);
                CompileClass(c, c.Id?.Name ?? "default");
                EmitInitialize(c.Id!.Name);
                break;
            case BlockStatement b: CompileBlock(b); break;
            case EmptyStatement: break;
            case DebuggerStatement: break;
            case ReturnStatement r:
                _b.Position(r);
                CompileReturnValue(r.Argument);
                break;
            case IfStatement i:
            {
                var elseLabel = new Label();
                CompileCondition(i.Test, elseLabel, jumpIfTrue: false);
                CompileStatement(IfClause(i.Consequent));
                if (i.Alternate is null) _b.Mark(elseLabel);
                else
                {
                    var end = new Label();
                    _b.EmitJump(OpCode.Jump, end, 0);
                    _b.Mark(elseLabel);
                    CompileStatement(IfClause(i.Alternate));
                    _b.Mark(end);
                }
                break;
            }
            case ThrowStatement t:
                _b.Position(t);
                CompileExpression(t.Argument);
                _b.Emit(OpCode.Throw, -1);
                break;
            case TryStatement t: CompileTry(t); break;
            case LabeledStatement l:
            {
                var all = labels is null ? new List<string>() : new List<string>(labels);
                all.Add(l.Label.Name);
                if (l.Body is WhileStatement or DoWhileStatement or ForStatement or ForInStatement or ForOfStatement or LabeledStatement)
                    CompileStatement(l.Body, all);
                else
                {
                    var brk = new Label();
                    PushControl(all, brk, null, iteration: false);
                    CompileStatement(l.Body);
                    PopControl();
                    _b.Mark(brk);
                }
                break;
            }
            case BreakStatement br: _b.Position(br); CompileBreak(br); break;
            case ContinueStatement co: _b.Position(co); CompileContinue(co); break;
            case WhileStatement w: CompileWhile(w, labels); break;
            case DoWhileStatement dw: CompileDoWhile(dw, labels); break;
            case ForStatement f: CompileFor(f, labels); break;
            case ForInStatement fi: CompileForIn(fi, labels); break;
            case ForOfStatement fo: CompileForOf(fo, labels); break;
            case SwitchStatement sw: CompileSwitch(sw, labels); break;
            case WithStatement with:
            {
                // §14.11.2: the body's free names are looked up on the object first (see EmitLoad/EmitAssign).
                _b.Position(with);
                CompileExpression(with.Object);
                _b.Emit(OpCode.ToObject, 0);
                var scope = ScopeOf(with)!;
                int top = EnterBlockScope(scope);
                EmitInitialize(scope.Find("%with")!);
                CompileStatement(with.Body, labels);
                ExitBlockScope(scope, top);
                break;
            }
            default:
                Throw.SyntaxError("Unsupported statement: " + s.Kind);
                break;
        }
    }

    private void CompileBlock(BlockStatement b)
    {
        var scope = ScopeOf(b);
        if (scope is null)
        {
            foreach (var s in b.Body) CompileStatement(s);
            return;
        }
        int top = EnterBlockScope(scope);
        EmitHoistedFunctions(b.Body);
        foreach (var s in b.Body) CompileStatement(s);
        ExitBlockScope(scope, top);
    }

    /// <summary>
    /// `return expr` (async functions return the value; their driver resolves the promise). `return c ? a : b`
    /// returns from each branch, which saves the jump over the alternative and lets a branch that is just a
    /// variable fuse into ReturnReg; the evaluation is the same.
    /// </summary>
    private void CompileReturnValue(Expression? value)
    {
        if (value is ConditionalExpression c)
        {
            var elseLabel = new Label();
            CompileCondition(c.Test, elseLabel, jumpIfTrue: false);
            CompileReturnValue(c.Consequent);
            _b.Mark(elseLabel);
            CompileReturnValue(c.Alternate);
            return;
        }
        if (value is null) _b.Emit(OpCode.Undefined, 1);
        else CompileExpression(value);
        EmitReturn();
    }

    private void CompileVariableDeclaration(VariableDeclaration v)
    {
        foreach (var d in v.Declarations)
        {
            _b.Position(d);
            if (d.Init is null)
            {
                // `var x;` does nothing; `let x;` initializes to undefined (§14.3.1.2).
                if (v.DeclarationKind == VariableKind.Var) continue;
                _b.Emit(OpCode.Undefined, 1);
                CompileBindingTarget(d.Id, initialize: true);
                continue;
            }
            if (d.Id is Identifier id && v.DeclarationKind == VariableKind.Var)
            {
                // ResolveBinding before the initializer runs (§14.3.2.1 step 2): inside `with` the reference may be the
                // with-object's property even if the initializer deletes it. No `with` or eval object: a plain store.
                int top = _b.RegisterTop;
                var reference = EmitResolveReference(id.Name);
                CompileNamedExpression(d.Init, id.Name);
                EmitAssignResolved(id.Name, reference);
                _b.ReleaseTo(top);
                continue;
            }
            if (d.Id is Identifier named) CompileNamedExpression(d.Init, named.Name);
            else CompileExpression(d.Init);
            CompileBindingTarget(d.Id, initialize: v.DeclarationKind != VariableKind.Var);
        }
    }

    private void CompileWhile(WhileStatement w, List<string>? labels)
    {
        var cont = new Label();
        var brk = new Label();
        PushControl(labels, brk, cont, iteration: true);
        if (CanRepeatTest(w.Test))
        {
            // Rotated: the test once on entry, then at the bottom, so an iteration takes no separate jump back.
            var start = new Label();
            CompileCondition(w.Test, brk, jumpIfTrue: false);
            _b.Mark(start);
            CompileStatement(w.Body);
            _b.Mark(cont);
            CompileCondition(w.Test, start, jumpIfTrue: true);
        }
        else
        {
            _b.Mark(cont);
            CompileCondition(w.Test, brk, jumpIfTrue: false);
            CompileStatement(w.Body);
            _b.EmitJump(OpCode.Jump, cont, 0);
        }
        PopControl();
        _b.Mark(brk);
    }

    /// <summary>
    /// Whether a loop test may be compiled twice (loop rotation: once before the first iteration, once at the
    /// bottom). Only small expressions without nodes whose identity matters: a function, class or template
    /// literal is one site per parse node (a tagged template's object is cached per site, §13.2.8.4), a direct
    /// eval records its site, and yield/await are suspension points.
    /// </summary>
    private static bool CanRepeatTest(Expression test)
    {
        int budget = 32;
        var pending = new Stack<Node>();
        pending.Push(test);
        var children = new List<Node>(4);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (--budget < 0) return false;
            switch (node)
            {
                case Identifier or PrivateIdentifier or ThisExpression or Literal:
                    continue;
                case CallExpression { Callee: Identifier { Name: "eval" } or Super }:
                    return false;
                case MemberExpression or BinaryExpression or LogicalExpression or UnaryExpression or UpdateExpression
                    or AssignmentExpression or ConditionalExpression or SequenceExpression or CallExpression or ChainExpression:
                    break;
                default:
                    return false;
            }
            children.Clear();
            AstChildren.Collect(node, children);
            foreach (var child in children) pending.Push(child);
        }
        return true;
    }

    private void CompileDoWhile(DoWhileStatement dw, List<string>? labels)
    {
        var start = new Label();
        var cont = new Label();
        var brk = new Label();
        PushControl(labels, brk, cont, iteration: true);
        _b.Mark(start);
        CompileStatement(dw.Body);
        _b.Mark(cont);
        CompileCondition(dw.Test, start, jumpIfTrue: true);
        PopControl();
        _b.Mark(brk);
    }

    /// <summary>for(;;) (§14.7.4), with per-iteration copies of captured let bindings (§14.7.4.4).</summary>
    private void CompileFor(ForStatement f, List<string>? labels)
    {
        var scope = ScopeOf(f);
        int top = scope is null ? 0 : EnterBlockScope(scope);
        if (f.Init is VariableDeclaration vd) CompileVariableDeclaration(vd);
        else if (f.Init is Expression init)
        {
            CompileExpression(init);
            _b.Emit(OpCode.Pop, -1);
        }
        // Closures made by the init keep its environment; the first iteration runs in a copy (§14.7.4.2 step 2).
        if (scope is not null && scope.HasEnv && _analysis.ForInitClosures.Contains(f)) _b.Emit(OpCode.CopyEnv, 0);
        var start = new Label();
        var cont = new Label();
        var brk = new Label();
        PushControl(labels, brk, cont, iteration: true);
        // Rotated when the test can be compiled twice (see CanRepeatTest): tested once on entry and then at
        // the bottom, so an iteration takes no separate jump back.
        bool rotated = f.Test is not null && CanRepeatTest(f.Test);
        if (rotated) CompileCondition(f.Test!, brk, jumpIfTrue: false);
        _b.Mark(start);
        if (f.Test is not null && !rotated) CompileCondition(f.Test, brk, jumpIfTrue: false);
        CompileStatement(f.Body);
        _b.Mark(cont);
        if (scope is not null && scope.HasEnv) _b.Emit(OpCode.CopyEnv, 0);
        if (f.Update is not null)
        {
            CompileEffect(f.Update);
        }
        if (rotated) CompileCondition(f.Test!, start, jumpIfTrue: true);
        else _b.EmitJump(OpCode.Jump, start, 0);
        PopControl();
        _b.Mark(brk);
        if (scope is not null) ExitBlockScope(scope, top);
    }

    /// <summary>Binds the value on the stack to the for-in/of head target, in a fresh scope per iteration when lexical.</summary>
    private void CompileForTarget(Node left)
    {
        if (left is VariableDeclaration vd)
            CompileBindingTarget(vd.Declarations[0].Id, initialize: vd.DeclarationKind != VariableKind.Var);
        else
            CompileAssignmentTarget(left);
    }

    /// <summary>The expression of a for-in/of head, inside the TDZ scope of a lexical declaration's names (§14.7.5.6 step 2).</summary>
    private void CompileLoopHeadExpression(Expression right)
    {
        var tdz = ScopeOf(right);
        if (tdz is null)
        {
            CompileExpression(right);
            return;
        }
        int scopeTop = EnterBlockScope(tdz);
        CompileExpression(right);
        ExitBlockScope(tdz, scopeTop);
    }

    private void CompileForIn(ForInStatement f, List<string>? labels)
    {
        int top = _b.RegisterTop;
        _b.Position(f);
        if (f.Left is VariableDeclaration { DeclarationKind: VariableKind.Var, Declarations: [{ Id: Identifier id, Init: { } init }] })
        {
            // `for (var x = init in o)` in sloppy code (Annex B.3.5): the initializer runs once, before the object expression.
            CompileNamedExpression(init, id.Name);
            EmitAssign(id.Name);
        }
        CompileLoopHeadExpression(f.Right);
        _b.Emit(OpCode.ForInPrepare, 0);
        int enumReg = _b.AllocRegister();
        _b.Emit(OpCode.StoreReg, -1, enumReg);
        var cont = new Label();
        var brk = new Label();
        PushControl(labels, brk, cont, iteration: true);
        _b.Mark(cont);
        _b.EmitRegJump(OpCode.ForInNext, enumReg, brk, 1);
        _b.Depth--; // the key is pushed only when not jumping; account for it below
        _b.Depth++;
        var scope = ScopeOf(f);
        int scopeTop = scope is null ? 0 : EnterBlockScope(scope);
        CompileForTarget(f.Left);
        CompileStatement(f.Body);
        if (scope is not null) ExitBlockScope(scope, scopeTop);
        _b.EmitJump(OpCode.Jump, cont, 0);
        PopControl();
        _b.Mark(brk);
        _b.ReleaseTo(top);
    }

    /// <summary>for-of (§14.7.5.7 ForIn/OfBodyEvaluation): closes the iterator on break, return and throw.</summary>
    private void CompileForOf(ForOfStatement f, List<string>? labels)
    {
        int top = _b.RegisterTop;
        _b.Position(f);
        CompileLoopHeadExpression(f.Right);
        _b.Emit(f.Await ? OpCode.GetAsyncIterator : OpCode.GetIterator, 0);
        int iterReg = _b.AllocRegister();
        _b.Emit(OpCode.StoreReg, -1, iterReg);
        var cont = new Label();
        var brk = new Label();
        var control = PushControl(labels, brk, cont, iteration: true);
        _b.Mark(cont);
        if (f.Await)
        {
            // §14.7.5.7 step 6.c: Await(Call(next)), then done/value from the awaited result object.
            _b.Emit(OpCode.AsyncIteratorNextCall, 1, iterReg);
            EmitAwait();
            _b.EmitRegJump(OpCode.IteratorResultUnwrap, iterReg, brk, 0);
        }
        else _b.EmitRegJump(OpCode.IteratorNext, iterReg, brk, 1);
        var region = PushRegion(() =>
        {
            _b.Emit(OpCode.LoadReg, 1, iterReg);
            _b.Emit(OpCode.IteratorClose, -1);
        });
        control.ContinueRegionDepth = _regions.Count;
        var scope = ScopeOf(f);
        int scopeTop = scope is null ? 0 : EnterBlockScope(scope);
        CompileForTarget(f.Left);
        CompileStatement(f.Body);
        if (scope is not null) ExitBlockScope(scope, scopeTop);
        var handler = new Label();
        PopRegion(region, handler);
        _b.EmitJump(OpCode.Jump, cont, 0);
        PopControl();
        // Throw path: close quietly and rethrow (§7.4.11 IteratorClose with a throw completion).
        _b.Mark(handler);
        FlushHandlers(handler);
        _b.Depth = region.StackDepth + 1;
        int excReg = _b.AllocRegister();
        _b.Emit(OpCode.StoreReg, -1, excReg);
        _b.Emit(OpCode.LoadReg, 1, iterReg);
        _b.Emit(OpCode.IteratorCloseQuiet, -1);
        _b.Emit(OpCode.LoadReg, 1, excReg);
        _b.Emit(OpCode.Throw, -1);
        _b.Mark(brk);
        _b.ReleaseTo(top);
    }

    private void CompileSwitch(SwitchStatement sw, List<string>? labels)
    {
        int top = _b.RegisterTop;
        _b.Position(sw);
        CompileExpression(sw.Discriminant);
        int d = _b.AllocRegister();
        _b.Emit(OpCode.StoreReg, -1, d);
        var scope = ScopeOf(sw)!;
        int scopeTop = EnterBlockScope(scope);
        foreach (var c in sw.Cases) EmitHoistedFunctions(c.Consequent);
        var caseLabels = new Label[sw.Cases.Count];
        Label? defaultLabel = null;
        var brk = new Label();
        for (int i = 0; i < sw.Cases.Count; i++)
        {
            caseLabels[i] = new Label();
            var test = sw.Cases[i].Test;
            if (test is null) { defaultLabel = caseLabels[i]; continue; }
            _b.Emit(OpCode.LoadReg, 1, d);
            CompileExpression(test);
            _b.Emit(OpCode.StrictEq, -1);
            _b.EmitJump(OpCode.JumpIfTrue, caseLabels[i], -1);
        }
        _b.EmitJump(OpCode.Jump, defaultLabel ?? brk, 0);
        PushControl(labels, brk, null, iteration: false, isSwitch: true);
        for (int i = 0; i < sw.Cases.Count; i++)
        {
            _b.Mark(caseLabels[i]);
            foreach (var s in sw.Cases[i].Consequent) CompileStatement(s);
        }
        PopControl();
        _b.Mark(brk);
        ExitBlockScope(scope, scopeTop);
        _b.ReleaseTo(top);
    }
}
