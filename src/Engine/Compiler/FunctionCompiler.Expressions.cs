using DualEngine.Syntax.Ast;

namespace DualEngine.Engine.Compiler;

/// <summary>Expressions (§13): each leaves exactly one value on the operand stack.</summary>
internal sealed partial class FunctionCompiler
{
    private void CompileExpression(Expression? e)
    {
        Throw.IfStackLow();
        switch (e)
        {
            case null: _b.Emit(OpCode.Undefined, 1); break;
            case Literal lit: CompileLiteral(lit); break;
            case Identifier id: CompileIdentifier(id); break;
            case ThisExpression: EmitLoad("this"); break;
            case TemplateLiteral t: CompileTemplate(t); break;
            case TaggedTemplateExpression tt: CompileTaggedTemplate(tt); break;
            case ArrayExpression a: CompileArray(a); break;
            case ObjectExpression o: CompileObject(o); break;
            case FunctionExpression f: EmitClosure(f); break;
            case ArrowFunctionExpression af: EmitClosure(af); break;
            case ClassExpression c: CompileClass(c, c.Id?.Name ?? ""); break;
            case MemberExpression m: CompileMember(m, null); break;
            case ChainExpression ch:
            {
                var end = new Label();
                int depth = _b.Depth;
                if (ch.Expression is CallExpression call) CompileCall(call, end, depth);
                else CompileMember((MemberExpression)ch.Expression, (end, depth));
                _b.Mark(end);
                break;
            }
            case CallExpression call: CompileCall(call, null, 0); break;
            case NewExpression n: CompileNew(n); break;
            case UpdateExpression u: CompileUpdate(u); break;
            case UnaryExpression u: CompileUnary(u); break;
            case BinaryExpression b: CompileBinary(b); break;
            case LogicalExpression l:
            {
                var end = new Label();
                CompileExpression(l.Left);
                var op = l.Operator switch
                {
                    LogicalOperator.And => OpCode.JumpIfFalseKeep,
                    LogicalOperator.Or => OpCode.JumpIfTrueKeep,
                    _ => OpCode.JumpIfNotNullishKeep,
                };
                _b.EmitJump(op, end, -1);
                CompileExpression(l.Right);
                _b.Mark(end);
                break;
            }
            case AssignmentExpression a: CompileAssignment(a); break;
            case ConditionalExpression c:
            {
                var elseLabel = new Label();
                var end = new Label();
                CompileCondition(c.Test, elseLabel, jumpIfTrue: false);
                CompileExpression(c.Consequent);
                _b.EmitJump(OpCode.Jump, end, 0);
                _b.Depth--;
                _b.Mark(elseLabel);
                CompileExpression(c.Alternate);
                _b.Mark(end);
                break;
            }
            case SequenceExpression seq:
                for (int i = 0; i < seq.Expressions.Count - 1; i++) CompileEffect(seq.Expressions[i]);
                CompileExpression(seq.Expressions[^1]);
                break;
            case YieldExpression y: CompileYield(y); break;
            case AwaitExpression aw:
                CompileExpression(aw.Argument);
                EmitAwait();
                break;
            case MetaProperty mp:
                if (mp.IsNewTarget) EmitLoad("new.target");
                else if (_code.Module is not null) _b.Emit(OpCode.ImportMeta, 1);
                else EmitThrow(ErrorType.SyntaxError, "Cannot use 'import.meta' outside a module");
                break;
            case ImportExpression ie:
                // §13.3.10.1 EvaluateImportCall: specifier, then options, both evaluated before anything is loaded.
                CompileExpression(ie.Source);
                if (ie.Options is not null) CompileExpression(ie.Options);
                else _b.Emit(OpCode.Undefined, 1);
                _b.Position(ie);
                _b.Emit(OpCode.DynamicImport, -1);
                break;
            default:
                Throw.SyntaxError("Unsupported expression: " + e.Kind);
                break;
        }
    }

    /// <summary>Emits a throw of a new error and leaves a placeholder value for stack accounting.</summary>
    private void EmitThrow(ErrorType type, string message)
    {
        _b.Emit(OpCode.ThrowError, 0, (int)type, _b.Name(message));
        _b.Emit(OpCode.Undefined, 1);
    }

    private void EmitNumber(double d)
    {
        if (d == (int)d && !(d == 0 && double.IsNegative(d)) && Math.Abs(d) < 1 << 30) _b.Emit(OpCode.Int, 1, (int)d);
        else _b.Emit(OpCode.Const, 1, _b.Constant(JsValue.FromNumber(d)));
    }

    private void CompileLiteral(Literal lit)
    {
        switch (lit.LiteralKind)
        {
            case LiteralKind.Null: _b.Emit(OpCode.Null, 1); break;
            case LiteralKind.Boolean: _b.Emit(lit.BooleanValue ? OpCode.True : OpCode.False, 1); break;
            case LiteralKind.Number: EmitNumber(lit.NumberValue); break;
            case LiteralKind.String: _b.Emit(OpCode.Const, 1, _b.Constant(JsValue.FromString(lit.StringValue ?? ""))); break;
            case LiteralKind.BigInt: _b.Emit(OpCode.Const, 1, _b.Constant(JsValue.FromBigInt(lit.BigIntValue))); break;
            case LiteralKind.RegExp:
                _b.Position(lit);
                _b.Emit(OpCode.NewRegExp, 1, _b.Name(lit.Regex!.Pattern), _b.Name(lit.Regex.Flags));
                break;
        }
    }

    private void CompileIdentifier(Identifier id)
    {
        _b.Position(id);
        _referenceAt = id.Start;
        EmitLoad(id.Name);
        _referenceAt = -1;
    }

    /// <summary>NamedEvaluation (§8.4.5): anonymous functions and classes take the binding's name.</summary>
    private void CompileNamedExpression(Expression e, string name)
    {
        switch (e)
        {
            case FunctionExpression { Id: null } f: EmitClosure(f, name); break;
            case ArrowFunctionExpression af: EmitClosure(af, name); break;
            case ClassExpression { Id: null } c: CompileClass(c, name); break;
            default: CompileExpression(e); break;
        }
    }

    private static bool IsAnonymousFunctionDefinition(Expression e) =>
        e is FunctionExpression { Id: null } or ArrowFunctionExpression or ClassExpression { Id: null };

    /// <summary>Compiles a test and jumps to <paramref name="target"/> when it is (not) truthy; short-circuits !, &amp;&amp;, ||.</summary>
    private void CompileCondition(Expression test, Label target, bool jumpIfTrue)
    {
        switch (test)
        {
            case UnaryExpression { Operator: UnaryOperator.LogicalNot } notExpr:
                CompileCondition(notExpr.Argument, target, !jumpIfTrue);
                return;
            case LogicalExpression { Operator: LogicalOperator.And } andExpr when !jumpIfTrue:
                CompileCondition(andExpr.Left, target, false);
                CompileCondition(andExpr.Right, target, false);
                return;
            case LogicalExpression { Operator: LogicalOperator.Or } orExpr when jumpIfTrue:
                CompileCondition(orExpr.Left, target, true);
                CompileCondition(orExpr.Right, target, true);
                return;
            case LogicalExpression { Operator: LogicalOperator.And } and2 when jumpIfTrue:
            {
                var skip = new Label();
                CompileCondition(and2.Left, skip, false);
                CompileCondition(and2.Right, target, true);
                _b.Mark(skip);
                return;
            }
            case LogicalExpression { Operator: LogicalOperator.Or } or2 when !jumpIfTrue:
            {
                var skip = new Label();
                CompileCondition(or2.Left, skip, true);
                CompileCondition(or2.Right, target, false);
                _b.Mark(skip);
                return;
            }
        }
        if (test is BinaryExpression { Left: not PrivateIdentifier } cmp && CompareJump(cmp.Operator, jumpIfTrue) is { } fused)
        {
            // A comparison that only decides a jump: one instruction instead of compare + test (no boolean pushed).
            CompileExpression(cmp.Left);
            CompileExpression(cmp.Right);
            _b.Position(cmp);
            _b.EmitJump(fused, target, -2);
            return;
        }
        CompileExpression(test);
        _b.EmitJump(jumpIfTrue ? OpCode.JumpIfTrue : OpCode.JumpIfFalse, target, -1);
    }

    private static OpCode? CompareJump(BinaryOperator op, bool jumpIfTrue) => op switch
    {
        BinaryOperator.Less => jumpIfTrue ? OpCode.JumpIfLt : OpCode.JumpIfNotLt,
        BinaryOperator.LessOrEqual => jumpIfTrue ? OpCode.JumpIfLe : OpCode.JumpIfNotLe,
        BinaryOperator.Greater => jumpIfTrue ? OpCode.JumpIfGt : OpCode.JumpIfNotGt,
        BinaryOperator.GreaterOrEqual => jumpIfTrue ? OpCode.JumpIfGe : OpCode.JumpIfNotGe,
        BinaryOperator.StrictEqual => jumpIfTrue ? OpCode.JumpIfStrictEq : OpCode.JumpIfStrictNe,
        BinaryOperator.StrictNotEqual => jumpIfTrue ? OpCode.JumpIfStrictNe : OpCode.JumpIfStrictEq,
        _ => null,
    };

    // ---- templates ----

    private void CompileTemplate(TemplateLiteral t)
    {
        _b.Emit(OpCode.Const, 1, _b.Constant(JsValue.FromString(t.Quasis[0].Cooked ?? "")));
        for (int i = 0; i < t.Expressions.Count; i++)
        {
            CompileExpression(t.Expressions[i]);
            _b.Emit(OpCode.ToStringForConcat, 0);
            _b.Emit(OpCode.Add, -1);
            var q = t.Quasis[i + 1].Cooked ?? "";
            if (q.Length > 0)
            {
                _b.Emit(OpCode.Const, 1, _b.Constant(JsValue.FromString(q)));
                _b.Emit(OpCode.Add, -1);
            }
        }
    }

    private void CompileTaggedTemplate(TaggedTemplateExpression tt)
    {
        EmitCallee(tt.Tag);
        var site = new TemplateSite(
            tt.Quasi.Quasis.ConvertAll(q => q.Cooked),
            tt.Quasi.Quasis.ConvertAll(q => q.Raw));
        _b.Emit(OpCode.TemplateObject, 1, _b.Constant(JsValue.FromInternal(site)));
        foreach (var e in tt.Quasi.Expressions) CompileExpression(e);
        _b.Position(tt);
        int argc = tt.Quasi.Expressions.Count + 1;
        _b.Emit(OpCode.Call, -argc - 1, argc, _b.Name(SourceText(tt.Tag)));
    }

    // ---- literals ----

    /// <summary>The most leading elements of an array literal collected on the operand stack for <see cref="OpCode.NewArrayLiteral"/>.</summary>
    private const int MaxStackedArrayElements = 16;

    private void CompileArray(ArrayExpression a)
    {
        // The leading run of plain elements (no holes, no spreads) is evaluated onto the stack and becomes the
        // array's dense storage in one step; the rest are appended one by one.
        int n = 0;
        while (n < a.Elements.Count && n < MaxStackedArrayElements && a.Elements[n] is { } first && first is not SpreadElement) n++;
        if (n > 0)
        {
            for (int i = 0; i < n; i++) CompileExpression(a.Elements[i]!);
            _b.Emit(OpCode.NewArrayLiteral, 1 - n, n, a.Elements.Count);
        }
        else _b.Emit(OpCode.NewArray, 1, a.Elements.Count);
        for (int i = n; i < a.Elements.Count; i++)
        {
            var el = a.Elements[i];
            switch (el)
            {
                case null: _b.Emit(OpCode.ArrayHole, 0); break;
                case SpreadElement sp:
                    CompileExpression(sp.Argument);
                    _b.Emit(OpCode.ArraySpread, -1);
                    break;
                default:
                    CompileExpression(el);
                    _b.Emit(OpCode.ArrayPush, -1);
                    break;
            }
        }
    }

    /// <summary>The name of a non-computed property key (identifier, string or numeric literal).</summary>
    private static string StaticKey(Expression key) => key switch
    {
        Identifier id => id.Name,
        Literal { LiteralKind: LiteralKind.String } s => s.StringValue ?? "",
        Literal { LiteralKind: LiteralKind.Number } n => NumberFormatting.ToJsString(n.NumberValue),
        Literal { LiteralKind: LiteralKind.BigInt } bi => bi.BigIntValue.ToString(),
        PrivateIdentifier p => "#" + p.Name,
        _ => throw new JsThrowable(ErrorType.SyntaxError, "Unexpected property key"),
    };

    /// <summary>
    /// The keys of an object literal's leading run of plain `key: value` properties: static keys, distinct, not
    /// <c>__proto__</c>, at most <see cref="ObjectLiteralShape.MaxKeys"/>. Their values are evaluated onto the stack
    /// and the object is created at the resulting shape in one step (<see cref="OpCode.NewObjectLiteral"/>).
    /// </summary>
    private static List<string> PlainLiteralPrefix(ObjectExpression o)
    {
        var keys = new List<string>();
        foreach (var p in o.Properties)
        {
            if (keys.Count == ObjectLiteralShape.MaxKeys) break;
            if (p is not Property { PropertyKind: PropertyKind.Init, Method: false, Computed: false } prop) break;
            string key = StaticKey(prop.Key);
            if (key == "__proto__" || keys.Contains(key)) break;
            keys.Add(key);
        }
        return keys;
    }

    private void CompileObject(ObjectExpression o)
    {
        var prefix = PlainLiteralPrefix(o);
        for (int i = 0; i < prefix.Count; i++) CompileNamedExpression((Expression)((Property)o.Properties[i]).Value, prefix[i]);
        _b.Emit(OpCode.NewObjectLiteral, 1 - prefix.Count, _b.Constant(JsValue.FromInternal(prefix.Count == 0 ? ObjectLiteralShape.Empty : new ObjectLiteralShape(prefix))));
        for (int i = prefix.Count; i < o.Properties.Count; i++)
        {
            var p = o.Properties[i];
            if (p is SpreadElement sp)
            {
                CompileExpression(sp.Argument);
                _b.Emit(OpCode.CopyDataProperties, -1);
                continue;
            }
            var prop = (Property)p;
            if (prop.PropertyKind != PropertyKind.Init || prop.Method)
            {
                var fn = (FunctionExpression)prop.Value;
                var kind = prop.PropertyKind switch { PropertyKind.Get => FunctionKind.Getter, PropertyKind.Set => FunctionKind.Setter, _ => FunctionKind.Method };
                // The closure's source text is the whole MethodDefinition, from its first token (prop.Start).
                if (prop.Computed)
                {
                    CompileExpression(prop.Key);
                    _b.Emit(OpCode.ToPropertyKey, 0);
                    EmitClosure(fn, "", kind, prop.Start);
                }
                else
                {
                    string name = StaticKey(prop.Key);
                    _b.Emit(OpCode.Const, 1, _b.Constant(JsValue.FromString(name)));
                    EmitClosure(fn, name, kind, prop.Start);
                }
                // [obj key fn]
                if (prop.PropertyKind == PropertyKind.Init) _b.Emit(OpCode.DefineMethodElem, -2, 1);
                else _b.Emit(OpCode.DefineAccessor, -2, (prop.PropertyKind == PropertyKind.Get ? 0 : 1) | 2);
                continue;
            }
            var value = (Expression)prop.Value;
            if (prop.Computed)
            {
                CompileExpression(prop.Key);
                _b.Emit(OpCode.ToPropertyKey, 0);
                CompileExpression(value);
                _b.Emit(OpCode.DefineFieldElem, -2, IsAnonymousFunctionDefinition(value) ? 1 : 0);
                continue;
            }
            string key = StaticKey(prop.Key);
            if (key == "__proto__" && !prop.Shorthand && prop.Key is not Literal { LiteralKind: LiteralKind.Number })
            {
                CompileExpression(value);
                _b.Emit(OpCode.SetProtoLiteral, -1);
                continue;
            }
            CompileNamedExpression(value, key);
            _b.Emit(OpCode.DefineField, -1, _b.Name(key));
        }
    }

    // ---- members and calls ----

    /// <summary>Property access; <paramref name="chain"/> is the enclosing optional chain's end and base depth.</summary>
    private void CompileMember(MemberExpression m, (Label End, int Depth)? chain)
    {
        if (m.Object is Super)
        {
            EmitLoad("this");
            EmitSuperKey(m);
            EmitLoad("%home");
            _b.Position(m);
            _b.Emit(OpCode.GetSuper, -2);
            return;
        }
        CompileChainPart(m.Object, chain);
        if (m.Optional && chain is { } c) _b.EmitJump(OpCode.JumpIfNullishChain, c.End, 0, _b.Depth - c.Depth - 1);
        EmitMemberGet(m);
    }

    /// <summary>With the object on the stack, reads the member: [obj] → [value].</summary>
    private void EmitMemberGet(MemberExpression m)
    {
        if (m.Property is PrivateIdentifier pid)
        {
            EmitLoad("#" + pid.Name);
            _b.Position(m);
            _b.Emit(OpCode.PrivateGet, -1);
        }
        else if (m.Computed)
        {
            CompileExpression(m.Property);
            _b.Position(m);
            _b.Emit(OpCode.GetElem, -1);
        }
        else
        {
            _b.Position(m.Property);
            _b.Emit(OpCode.GetNamed, 0, _b.Name(((Identifier)m.Property).Name), _b.NewCache());
        }
    }

    /// <summary>
    /// The key of super.p / super[k]. A computed key is converted by GetSuper/SetSuper after they read the home object's
    /// prototype (GetSuperBase comes first, §13.3.7.3 MakeSuperPropertyReference), unless <paramref name="convert"/>: a
    /// read-modify-write converts it once, here, for both the read and the write.
    /// </summary>
    private void EmitSuperKey(MemberExpression m, bool convert = false)
    {
        if (m.Computed)
        {
            CompileExpression(m.Property);
            if (convert) _b.Emit(OpCode.ToPropertyKey, 0);
        }
        else _b.Emit(OpCode.Const, 1, _b.Constant(JsValue.FromString(((Identifier)m.Property).Name)));
    }

    /// <summary>Compiles a sub-expression of an optional chain, passing the chain on to members and calls.</summary>
    private void CompileChainPart(Expression e, (Label End, int Depth)? chain)
    {
        if (chain is { } c)
        {
            if (e is MemberExpression inner) { CompileMember(inner, c); return; }
            if (e is CallExpression call) { CompileCall(call, c.End, c.Depth); return; }
        }
        CompileExpression(e);
    }

    /// <summary>Pushes [function, this] for a call's callee (§13.3.6.1 EvaluateCall's thisValue rules).</summary>
    private void EmitCallee(Expression callee, (Label End, int Depth)? chain = null)
    {
        if (callee is ChainExpression { Expression: MemberExpression { Object: not Super } inner })
        {
            // `(a?.b)()`: a parenthesized chain is still a property reference, whose base is the call's `this`
            // (§13.3.6.1 step 1.a); when the chain short-circuits, both are undefined (and the call throws).
            var shortCircuit = new Label();
            var done = new Label();
            int depth = _b.Depth;
            EmitCallee(inner, (shortCircuit, depth));
            _b.EmitJump(OpCode.Jump, done, 0);
            _b.Depth = depth + 1;
            _b.Mark(shortCircuit);
            _b.Emit(OpCode.Undefined, 1);
            _b.Mark(done);
            return;
        }
        if (callee is MemberExpression m)
        {
            if (m.Object is Super)
            {
                EmitLoad("this");
                EmitSuperKey(m);
                EmitLoad("%home");
                _b.Emit(OpCode.GetSuper, -2);
                EmitLoad("this");
                return;
            }
            CompileChainPart(m.Object, chain);
            if (m.Optional && chain is { } c) _b.EmitJump(OpCode.JumpIfNullishChain, c.End, 0, _b.Depth - c.Depth - 1);
            if (!m.Computed && m.Property is Identifier name)
            {
                _b.Position(m.Property);
                _b.Emit(OpCode.GetMethod, 1, _b.Name(name.Name), _b.NewCache());
                return;
            }
            _b.Emit(OpCode.Dup, 1);
            EmitMemberGet(m);
            _b.Emit(OpCode.Swap, 0);
            return;
        }
        CompileChainPart(callee, chain);
        _b.Emit(OpCode.Undefined, 1);
    }

    private bool HasSpread(List<Expression> args) => args.Exists(a => a is SpreadElement);

    /// <summary>Pushes the arguments; returns argc, or -1 when they were collected into one array (spread).</summary>
    private int EmitArguments(List<Expression> args)
    {
        if (!HasSpread(args))
        {
            foreach (var a in args) CompileExpression(a);
            return args.Count;
        }
        _b.Emit(OpCode.NewArray, 1, args.Count);
        foreach (var a in args)
        {
            if (a is SpreadElement sp)
            {
                CompileExpression(sp.Argument);
                _b.Emit(OpCode.ArraySpread, -1);
            }
            else
            {
                CompileExpression(a);
                _b.Emit(OpCode.ArrayPush, -1);
            }
        }
        return -1;
    }

    private void CompileCall(CallExpression call, Label? chainEnd, int chainDepth)
    {
        if (call.Callee is Super)
        {
            int n = EmitArguments(call.Arguments);
            EmitLoad("%callee");
            EmitLoad("new.target");
            _b.Position(call);
            if (n < 0) _b.Emit(OpCode.SuperCallSpread, -2);
            else _b.Emit(OpCode.SuperCall, -n - 1, n);
            // After the parent constructor returned (§13.3.7.1 steps 7-11): BindThisValue throws if `this` is bound
            // already (a second super(), which did run the parent again), then the fields are initialized, with `this`
            // bound, so an arrow called from an initializer sees it.
            EmitLoadThisBindingRaw();
            _b.Emit(OpCode.CheckThisUnbound, -1);
            _b.Emit(OpCode.Dup, 1);
            EmitInitializeThis();
            EmitLoad("%callee");
            _b.Emit(OpCode.InitializeInstanceElements, -1);
            return;
        }
        (Label, int)? chain = chainEnd is null ? null : (chainEnd, chainDepth);
        EmitCallee(call.Callee, chain);
        if (call.Optional && chainEnd is not null)
        {
            _b.Emit(OpCode.Swap, 0);
            _b.EmitJump(OpCode.JumpIfNullishChain, chainEnd, 0, _b.Depth - chainDepth - 1);
            _b.Emit(OpCode.Swap, 0);
        }
        int argc = EmitArguments(call.Arguments);
        _b.Position(call);
        int text = _b.Name(SourceText(call.Callee));
        if (argc >= 0 && call.Callee is Identifier { Name: "eval" } && !call.Optional)
        {
            // A direct eval candidate (§13.3.6.1): the interpreter checks the callee is %eval%.
            _b.EvalSites.Add(new EvalSite(_scope, _info, Strict, _code.Module, _code.Module?.Url ?? _code.Referrer ?? _code.FileName) { InParameters = _inParameters });
            _b.Emit(OpCode.CallEval, -argc - 1, argc, text, _b.EvalSites.Count - 1);
            return;
        }
        if (argc < 0) _b.Emit(OpCode.CallSpread, -2, text);
        else _b.Emit(OpCode.Call, -argc - 1, argc, text);
    }

    /// <summary>The derived constructor's `this` binding as it is, Empty while unbound (no TDZ check).</summary>
    private void EmitLoadThisBindingRaw()
    {
        var b = Lookup("this", out int depth)!;
        if (!b.Captured) _b.Emit(OpCode.LoadReg, 1, b.Register);
        else _b.Emit(OpCode.LoadEnv, 1, depth, b.EnvSlot);
    }

    private void EmitInitializeThis()
    {
        var b = Lookup("this", out int depth)!;
        // Binding `this` twice is a ReferenceError (§9.1.1.3.1 BindThisValue): CheckThisUnbound, emitted before this.
        if (!b.Captured) _b.Emit(OpCode.StoreReg, -1, b.Register);
        else _b.Emit(OpCode.StoreEnv, -1, depth, b.EnvSlot);
    }

    private void CompileNew(NewExpression n)
    {
        CompileExpression(n.Callee);
        int argc = EmitArguments(n.Arguments);
        _b.Position(n);
        int text = _b.Name(SourceText(n.Callee));
        if (argc < 0) _b.Emit(OpCode.NewSpread, -1, text);
        else _b.Emit(OpCode.New, -argc, argc, text);
    }

    /// <summary>The source text of a node for error messages ("obj.method is not a function"), shortened.</summary>
    private string SourceText(Node n)
    {
        if (n.End <= n.Start || n.End > _source.Length) return "expression";
        int len = n.End - n.Start;
        return len > 60 ? "expression" : _source.Substring(n.Start, len);
    }

    // ---- operators ----

    private void CompileUnary(UnaryExpression u)
    {
        switch (u.Operator)
        {
            case UnaryOperator.TypeOf when u.Argument is Identifier id:
                EmitLoad(id.Name, typeofGlobal: true);
                _b.Emit(OpCode.TypeOf, 0);
                return;
            case UnaryOperator.Delete:
                CompileDelete(u);
                return;
            case UnaryOperator.Minus when u.Argument is Literal { LiteralKind: LiteralKind.Number } number:
                // `-1` is one constant, not 1 and a negation (-0 stays -0: `- 0` negates +0).
                EmitNumber(-number.NumberValue);
                return;
        }
        CompileExpression(u.Argument);
        _b.Position(u);
        _b.Emit(u.Operator switch
        {
            UnaryOperator.Minus => OpCode.Neg,
            UnaryOperator.Plus => OpCode.Plus,
            UnaryOperator.LogicalNot => OpCode.Not,
            UnaryOperator.BitwiseNot => OpCode.BitNot,
            UnaryOperator.TypeOf => OpCode.TypeOf,
            _ => OpCode.Void,
        }, 0);
    }

    /// <summary>The delete operator (§13.5.1.2).</summary>
    private void CompileDelete(UnaryExpression u)
    {
        switch (u.Argument)
        {
            case MemberExpression { Object: Super }:
                EmitThrow(ErrorType.ReferenceError, "Unsupported reference to 'super'");
                return;
            case MemberExpression m when m.Computed:
                CompileExpression(m.Object);
                CompileExpression(m.Property);
                _b.Position(u);
                _b.Emit(OpCode.DeleteElem, -1, Strict ? 1 : 0);
                return;
            case MemberExpression m:
                CompileExpression(m.Object);
                _b.Position(u);
                _b.Emit(OpCode.DeleteNamed, 0, _b.Name(((Identifier)m.Property).Name), Strict ? 1 : 0);
                return;
            case ChainExpression:
                CompileExpression(u.Argument);
                _b.Emit(OpCode.Pop, -1);
                _b.Emit(OpCode.True, 1);
                return;
            case Identifier id:
            {
                // A name found on a with-object (or among a direct eval's vars) deletes that property (§13.5.1.2 step 5).
                var end = EmitWithLookups(id.Name, OpCode.WithDelete);
                if (Lookup(id.Name, out _) is null) _b.Emit(OpCode.DeleteGlobal, 1, _b.Name(id.Name));
                else _b.Emit(OpCode.False, 1);
                if (end is not null) _b.Mark(end);
                return;
            }
            default:
                CompileExpression(u.Argument);
                _b.Emit(OpCode.Pop, -1);
                _b.Emit(OpCode.True, 1);
                return;
        }
    }

    private static OpCode BinaryOpCode(BinaryOperator op) => op switch
    {
        BinaryOperator.Equal => OpCode.Eq,
        BinaryOperator.NotEqual => OpCode.Ne,
        BinaryOperator.StrictEqual => OpCode.StrictEq,
        BinaryOperator.StrictNotEqual => OpCode.StrictNe,
        BinaryOperator.Less => OpCode.Lt,
        BinaryOperator.LessOrEqual => OpCode.Le,
        BinaryOperator.Greater => OpCode.Gt,
        BinaryOperator.GreaterOrEqual => OpCode.Ge,
        BinaryOperator.LeftShift => OpCode.Shl,
        BinaryOperator.RightShift => OpCode.Sar,
        BinaryOperator.UnsignedRightShift => OpCode.Shr,
        BinaryOperator.Plus => OpCode.Add,
        BinaryOperator.Minus => OpCode.Sub,
        BinaryOperator.Multiply => OpCode.Mul,
        BinaryOperator.Divide => OpCode.Div,
        BinaryOperator.Modulo => OpCode.Mod,
        BinaryOperator.Exponent => OpCode.Exp,
        BinaryOperator.BitwiseOr => OpCode.BitOr,
        BinaryOperator.BitwiseXor => OpCode.BitXor,
        BinaryOperator.BitwiseAnd => OpCode.BitAnd,
        BinaryOperator.In => OpCode.In,
        _ => OpCode.InstanceOf,
    };

    private void CompileBinary(BinaryExpression b)
    {
        if (b.Left is PrivateIdentifier pid)
        {
            CompileExpression(b.Right);
            EmitLoad("#" + pid.Name);
            _b.Position(b);
            _b.Emit(OpCode.PrivateIn, -1);
            return;
        }
        CompileExpression(b.Left);
        CompileExpression(b.Right);
        _b.Position(b);
        _b.Emit(BinaryOpCode(b.Operator), -1);
    }

    private static OpCode CompoundOpCode(AssignmentOperator op) => op switch
    {
        AssignmentOperator.PlusAssign => OpCode.Add,
        AssignmentOperator.MinusAssign => OpCode.Sub,
        AssignmentOperator.MultiplyAssign => OpCode.Mul,
        AssignmentOperator.DivideAssign => OpCode.Div,
        AssignmentOperator.ModuloAssign => OpCode.Mod,
        AssignmentOperator.ExponentAssign => OpCode.Exp,
        AssignmentOperator.LeftShiftAssign => OpCode.Shl,
        AssignmentOperator.RightShiftAssign => OpCode.Sar,
        AssignmentOperator.UnsignedRightShiftAssign => OpCode.Shr,
        AssignmentOperator.BitwiseOrAssign => OpCode.BitOr,
        AssignmentOperator.BitwiseXorAssign => OpCode.BitXor,
        _ => OpCode.BitAnd,
    };
}
