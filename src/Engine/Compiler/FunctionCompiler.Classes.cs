using DualEngine.Syntax.Ast;

namespace DualEngine.Engine.Compiler;

/// <summary>
/// ClassDefinitionEvaluation (§15.7.14). Leaves the constructor on the stack. Field initializers and
/// static blocks are compiled into two synthetic methods (instance / static) that run with the right
/// `this`; computed field keys and private methods are evaluated once, into hidden class-scope bindings.
/// </summary>
internal sealed partial class FunctionCompiler
{
    private void CompileClass(IClass c, string name)
    {
        var classNode = (Node)c;
        var scope = ScopeOf(classNode)!;
        var elements = c.Body.Body;

        // Hidden bindings for values the synthetic initializers need: computed keys, private methods.
        var hidden = new Dictionary<Node, Binding>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < elements.Count; i++)
        {
            if (elements[i] is PropertyDefinition { Computed: true } pd) hidden[pd] = DeclareHidden(scope, "%key" + i);
            if (elements[i] is MethodDefinition { Static: false, Key: PrivateIdentifier } pm) hidden[pm] = DeclareHidden(scope, "%pm" + i);
        }

        int top = EnterBlockScope(scope);
        foreach (var b in scope.Ordered)
            if (b.Kind == BindingKind.PrivateName)
            {
                _b.Emit(OpCode.NewPrivateName, 1, _b.Name(b.Name));
                EmitInitialize(b);
            }

        bool derived = c.SuperClass is not null;
        if (derived) CompileExpression(c.SuperClass);
        var ctorDef = elements.Find(e => e is MethodDefinition { MethodKind: MethodKind.Constructor }) as MethodDefinition;
        var ctorCode = ctorDef is null
            ? DefaultConstructor(name, derived)
            : CompileFunction(ctorDef.Value, ctorDef.Value, derived ? FunctionKind.DerivedConstructor : FunctionKind.ClassConstructor, name);
        ctorCode.Name = name;
        // Function.prototype.toString of a class returns the whole class text (§20.2.3.5).
        ctorCode.Source = _source;
        ctorCode.SourceStart = classNode.Start;
        ctorCode.SourceEnd = classNode.End;
        if (ctorDef is null) ctorCode.Kind = derived ? FunctionKind.DerivedConstructor : FunctionKind.ClassConstructor;
        _b.Position(classNode);
        _b.Emit(OpCode.CreateClass, derived ? 1 : 2, _b.AddFunction(ctorCode), derived ? 1 : 0);
        // [F proto]

        var instanceFields = new List<Node>();
        var staticElements = new List<Node>();
        for (int i = 0; i < elements.Count; i++)
        {
            var element = elements[i];
            switch (element)
            {
                case MethodDefinition { MethodKind: MethodKind.Constructor }:
                    break;
                case MethodDefinition m when m.Key is PrivateIdentifier pid:
                    if (m.Static)
                    {
                        _b.Emit(OpCode.Over, 1);            // [F proto F]
                        EmitLoad("#" + pid.Name);
                        EmitMethodClosure(m, "#" + pid.Name);
                        _b.Emit(OpCode.SetHome, 0, 2);      // home object: F
                        EmitPrivateMethodDefine(m);
                        _b.Emit(OpCode.Pop, -1);
                    }
                    else
                    {
                        EmitMethodClosure(m, "#" + pid.Name);
                        _b.Emit(OpCode.SetHome, 0, 1);      // home object: the prototype
                        EmitInitialize(hidden[m]);
                        instanceFields.Insert(0, m);         // private methods are installed before fields
                    }
                    break;
                case MethodDefinition m:
                    if (m.Static) _b.Emit(OpCode.Over, 1); else _b.Emit(OpCode.Dup, 1);
                    string? staticName = m.Computed ? null : StaticKey(m.Key);
                    if (m.Computed)
                    {
                        CompileExpression(m.Key);
                        _b.Emit(OpCode.ToPropertyKey, 0);
                    }
                    else _b.Emit(OpCode.Const, 1, _b.Constant(JsValue.FromString(staticName!)));
                    EmitMethodClosure(m, staticName ?? "");
                    if (m.MethodKind == MethodKind.Method) _b.Emit(OpCode.DefineMethodElem, -2, 0);
                    else _b.Emit(OpCode.DefineAccessor, -2, m.MethodKind == MethodKind.Get ? 0 : 1);
                    _b.Emit(OpCode.Pop, -1);
                    break;
                case PropertyDefinition p:
                    if (p.Computed)
                    {
                        CompileExpression(p.Key);
                        _b.Emit(OpCode.ToPropertyKey, 0);
                        EmitInitialize(hidden[p]);
                    }
                    if (p.Static) staticElements.Add(p); else instanceFields.Add(p);
                    break;
                case StaticBlock sb:
                    staticElements.Add(sb);
                    break;
            }
        }

        var inits = _analysis.ClassInits[c.Body];
        if (instanceFields.Count > 0)
        {
            var code = CompileInitializer(inits.Instance, instanceFields, hidden, name, isStatic: false);
            _b.Emit(OpCode.Closure, 1, _b.AddFunction(code));
            _b.Emit(OpCode.SetFieldInitializer, -1);
        }
        // The class binding is initialized before static elements run (§15.7.14 step 27-31).
        _b.Emit(OpCode.Over, 1);
        if (c.Id is not null) EmitInitialize(c.Id.Name);
        else _b.Emit(OpCode.Pop, -1);
        if (staticElements.Count > 0)
        {
            var code = CompileInitializer(inits.Static, staticElements, hidden, name, isStatic: true);
            _b.Emit(OpCode.Closure, 1, _b.AddFunction(code));
            _b.Emit(OpCode.RunStaticInitializer, -1);
        }
        _b.Emit(OpCode.Pop, -1); // [F]
        ExitBlockScope(scope, top);
    }

    private static Binding DeclareHidden(Scope scope, string name)
    {
        var b = scope.Declare(name, BindingKind.Var);
        b.Captured = true;
        return b;
    }

    private void EmitMethodClosure(MethodDefinition m, string name)
    {
        var kind = m.MethodKind switch { MethodKind.Get => FunctionKind.Getter, MethodKind.Set => FunctionKind.Setter, _ => FunctionKind.Method };
        string prefixed = m.MethodKind switch { MethodKind.Get => "get " + name, MethodKind.Set => "set " + name, _ => name };
        // The method's source text is the MethodDefinition without `static` (§15.7 ClassElement).
        EmitClosure(m.Value, m.Computed ? "" : prefixed, kind, m.MethodStart);
    }

    /// <summary>[obj name fn] → [obj]: a private method is a read-only private field; accessors are private accessors.</summary>
    private void EmitPrivateMethodDefine(MethodDefinition m)
    {
        if (m.MethodKind == MethodKind.Method) _b.Emit(OpCode.PrivateDefine, -2);
        else _b.Emit(OpCode.PrivateAccessor, -2, m.MethodKind == MethodKind.Set ? 1 : 0);
    }

    /// <summary>A constructor for a class without one (§15.7.14 step 14.a): derived ones forward all arguments.</summary>
    private FunctionCode DefaultConstructor(string name, bool derived)
    {
        var code = new FunctionCode
        {
            Name = name, FileName = _code.FileName, Strict = true, Source = _source, Module = _code.Module, Referrer = _code.Referrer,
            Kind = derived ? FunctionKind.DerivedConstructor : FunctionKind.ClassConstructor,
            IsDefaultConstructor = true,
            Code = [(int)OpCode.Undefined, (int)OpCode.Return],
            RegisterCount = 0, MaxStack = 2,
        };
        return code;
    }

    /// <summary>Compiles the synthetic method running field definitions (and, for static, static blocks) in order.</summary>
    private FunctionCode CompileInitializer(FunctionInfo info, List<Node> elements, Dictionary<Node, Binding> hidden, string className, bool isStatic)
    {
        var code = new FunctionCode
        {
            Name = isStatic ? "<static_initializer>" : "<instance_members_initializer>",
            FileName = _code.FileName, Kind = FunctionKind.ClassFieldInit, Strict = true, Source = _source, Module = _code.Module, Referrer = _code.Referrer,
        };
        var c = new FunctionCompiler(_analysis, info, info.Scope, code, _source);
        c.EnterFunctionScope(null);
        foreach (var element in elements)
        {
            switch (element)
            {
                case MethodDefinition m:
                    var pid = (PrivateIdentifier)m.Key;
                    c.EmitLoad("this");
                    c.EmitLoad("#" + pid.Name);
                    c.EmitLoadBindingOf(hidden[m]);
                    c.EmitPrivateMethodDefine(m);
                    c._b.Emit(OpCode.Pop, -1);
                    break;
                case PropertyDefinition p:
                    c._b.Position(p);
                    c.EmitLoad("this");
                    if (p.Key is PrivateIdentifier ppid)
                    {
                        c.EmitLoad("#" + ppid.Name);
                        if (p.Value is null) c._b.Emit(OpCode.Undefined, 1);
                        else c.CompileNamedExpression(p.Value, "#" + ppid.Name);
                        c._b.Emit(OpCode.PrivateDefine, -2);
                    }
                    else
                    {
                        string? keyName = p.Computed ? null : StaticKey(p.Key);
                        if (p.Computed) c.EmitLoadBindingOf(hidden[p]);
                        else c._b.Emit(OpCode.Const, 1, c._b.Constant(JsValue.FromString(keyName!)));
                        if (p.Value is null) c._b.Emit(OpCode.Undefined, 1);
                        else if (keyName is not null) c.CompileNamedExpression(p.Value, keyName);
                        else c.CompileExpression(p.Value);
                        c._b.Emit(OpCode.DefineClassField, -2);
                    }
                    c._b.Emit(OpCode.Pop, -1);
                    break;
                case StaticBlock sb:
                    var scope = c.ScopeOf(sb)!;
                    int top = c.EnterBlockScope(scope);
                    c.EmitHoistedFunctions(sb.Body);
                    foreach (var s in sb.Body) c.CompileStatement(s);
                    c.ExitBlockScope(scope, top);
                    break;
            }
        }
        c._b.Emit(OpCode.Undefined, 1);
        c._b.Emit(OpCode.Return, -1);
        c._b.Finish(code);
        return code;
    }

    private void EmitLoadBindingOf(Binding b)
    {
        int depth = 0;
        for (var s = _scope; s is not null && !ReferenceEquals(s, b.Scope); s = s.Parent)
            if (s.HasEnv) depth++;
        EmitLoadBinding(b, depth);
    }
}
