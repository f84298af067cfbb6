using System.Globalization;
using DualEngine.Syntax.Ast;
using DualEngine.Syntax.Lexing;

namespace DualEngine.Syntax.Parsing;

/// <summary>
/// Lowering of TypeScript constructs that have runtime meaning: enums, namespaces and parameter
/// properties. The output keeps every original line where it was (text changes stay on its line),
/// mirroring what `tsc` emits for target ES2022.
/// </summary>
public sealed partial class Parser
{
    /// <summary>Local name of the namespace whose body is being parsed (for `export` inside it).</summary>
    private string? _tsNamespace;
    private string? _tsLastDeclaredName;

    /// <summary>Names exported so far by each namespace (all its declarations merge, TypeScript "declaration merging").</summary>
    private readonly Dictionary<string, HashSet<string>> _tsNamespaceExports = new();

    /// <summary>Names exported by the namespace block being parsed.</summary>
    private HashSet<string>? _tsBlockExports;

    /// <summary>
    /// In a later block of a merged namespace, a bare reference to a member exported by an earlier
    /// block means `NS.member` (TypeScript rewrites it the same way).
    /// </summary>
    private void RewriteMergedNamespaceReferences(string ns, List<Statement> body, HashSet<string> earlier, HashSet<string> local)
    {
        var refs = new List<(Identifier Id, bool Shorthand)>();
        foreach (var st in body) CollectReferenceNodes(st, refs, false);
        foreach (var (id, shorthand) in refs)
        {
            if (!earlier.Contains(id.Name) || local.Contains(id.Name)) continue;
            TsReplace(id.Start, id.End, shorthand ? $"{id.Name}: {ns}.{id.Name}" : $"{ns}.{id.Name}");
        }
    }

    /// <summary>
    /// Identifier references (value positions) below <paramref name="root"/>, with whether each is the value of
    /// a shorthand property. Binding names (declarations, parameters, catch params) are not references, but
    /// defaults and computed keys inside binding patterns are. Uses an explicit stack (no recursion).
    /// </summary>
    private static void CollectReferenceNodes(Node root, List<(Identifier, bool)> into, bool rootShorthand)
    {
        var stack = new Stack<(Node Node, bool Shorthand, bool Binding)>();
        stack.Push((root, rootShorthand, false));
        var children = new List<Node>();
        while (stack.Count > 0)
        {
            var (n, shorthand, binding) = stack.Pop();
            if (binding)
            {
                // Inside a binding pattern only initializers and computed keys are evaluated.
                switch (n)
                {
                    case AssignmentPattern ap: stack.Push((ap.Right, false, false)); stack.Push((ap.Left, false, true)); break;
                    case ObjectPattern op: foreach (var p in op.Properties) stack.Push((p, false, true)); break;
                    case ArrayPattern arr: foreach (var e in arr.Elements) if (e != null) stack.Push((e, false, true)); break;
                    case RestElement re: stack.Push((re.Argument, false, true)); break;
                    case Property pr:
                        if (pr.Computed) stack.Push((pr.Key, false, false));
                        stack.Push((pr.Value, false, true));
                        break;
                }
                continue;
            }
            switch (n)
            {
                case Identifier id: into.Add((id, shorthand)); continue;
                case MemberExpression me:
                    if (me.Computed) stack.Push((me.Property, false, false));
                    stack.Push((me.Object, false, false));
                    continue;
                case Property p:
                    stack.Push((p.Value, p.Shorthand && p.Value is Identifier, false));
                    if (p.Computed) stack.Push((p.Key, false, false));
                    continue;
                case MethodDefinition md:
                    stack.Push((md.Value, false, false));
                    if (md.Computed) stack.Push((md.Key, false, false));
                    continue;
                case PropertyDefinition pd:
                    if (pd.Value != null) stack.Push((pd.Value, false, false));
                    if (pd.Computed) stack.Push((pd.Key, false, false));
                    continue;
                case VariableDeclarator vd:
                    if (vd.Init != null) stack.Push((vd.Init, false, false));
                    stack.Push((vd.Id, false, true));
                    continue;
                case IFunction f:
                    stack.Push((f.Body, false, false));
                    foreach (var prm in f.Params) stack.Push((prm, false, true));
                    continue;
                case ClassDeclaration cd:
                    stack.Push((cd.Body, false, false));
                    if (cd.SuperClass != null) stack.Push((cd.SuperClass, false, false));
                    continue;
                case ClassExpression ce:
                    stack.Push((ce.Body, false, false));
                    if (ce.SuperClass != null) stack.Push((ce.SuperClass, false, false));
                    continue;
                case CatchClause cc:
                    stack.Push((cc.Body, false, false));
                    if (cc.Param != null) stack.Push((cc.Param, false, true));
                    continue;
                case LabeledStatement ls: stack.Push((ls.Body, false, false)); continue;
                case BreakStatement or ContinueStatement or MetaProperty or ImportDeclaration: continue;
            }
            children.Clear();
            AstChildren.Collect(n, children);
            for (int k = children.Count - 1; k >= 0; k--) stack.Push((children[k], false, false));
        }
    }

    /// <summary>`var E;` unless the name already exists in this scope (declaration merging).</summary>
    private string TsVarPrefix(string name, bool exportedTop, bool insideNamespace)
    {
        if (_scope.HasLexical(name) || _scope.HasVar(name)) return exportedTop ? "" : "";
        if (!insideNamespace || _scope.Kind is ScopeKind.Module or ScopeKind.Script) DeclareVar(name, T.Start);
        else _scope.AddVar(name);
        if (exportedTop) return $"export var {name}; ";
        return insideNamespace && _scope.Kind == ScopeKind.Function ? $"let {name}; " : $"var {name}; ";
    }

    /// <summary>The IIFE argument: `E || (E = {})` or, exported from a namespace, `E = N.E || (N.E = {})`.</summary>
    private static string TsIifeArg(string name, string? parent, bool exported)
        => parent != null && exported ? $"{name} = {parent}.{name} || ({parent}.{name} = {{}})" : $"{name} || ({name} = {{}})";

    /// <summary>`[const] enum E { A, B = 2, C = "c" }` (TypeScript handbook "Enums").</summary>
    private Statement ParseTsEnum(Mark m, bool exported = false)
    {
        string? parent = _tsNamespace;
        if (IsName("const")) Next();
        ExpectContextual("enum");
        var id = ParseBindingIdentifier();
        string name = id.Name;
        _tsLastDeclaredName = name;
        string prefix = TsVarPrefix(name, exported && parent == null, parent != null);
        Expect(TokenType.LBrace);
        TsReplace(m.Start, _lx.PrevEnd, prefix, $"(function ({name}) {{");
        var values = new Dictionary<string, object>();
        object? previous = -1.0;
        while (Type != TokenType.RBrace)
        {
            int memberStart = T.Start;
            string key;
            if (Type == TokenType.String) key = T.Value!;
            else if (Type == TokenType.Name) key = T.Value!;
            else throw Unexpected("an enum member name");
            Next();
            object? value;
            (int, int)? initRange = null;
            if (Eat(TokenType.Eq))
            {
                var init = ParseAssignment();
                CollectReferences(init, TsExtraReferences);
                value = EvalEnumConstant(init, values, name);
                initRange = (init.Start, init.End);
            }
            else if (previous is double d) value = d + 1;
            else throw Error(memberStart, "Enum member must have initializer");
            string k = JsString(key);
            var parts = new List<object>();
            switch (value)
            {
                case double num:
                    parts.Add($"{name}[{name}[{k}] = {JsNumber(num)}] = {k};");
                    values[key] = num;
                    break;
                case string str:
                    parts.Add($"{name}[{k}] = {JsString(str)};");
                    values[key] = str;
                    break;
                default:
                    parts.Add($"{name}[{name}[{k}] = ");
                    parts.Add(initRange!.Value);
                    parts.Add($"] = {k};");
                    break;
            }
            previous = value;
            if (Type != TokenType.RBrace) Expect(TokenType.Comma);
            _tsEdits.Add(new TsEdit { Start = memberStart, End = _lx.PrevEnd, Parts = parts });
        }
        TsReplace(T.Start, T.End, $"}})({TsIifeArg(name, parent, exported)});");
        Next();
        return Finish(At(new EmptyStatement(), m));
    }

    private static string JsString(string s)
    {
        var sb = new System.Text.StringBuilder("\"");
        foreach (char c in s)
        {
            if (c == '"' || c == '\\') sb.Append('\\').Append(c);
            else if (c < 0x20 || c == 0x2028 || c == 0x2029) sb.Append("\\u").Append(((int)c).ToString("x4"));
            else sb.Append(c);
        }
        return sb.Append('"').ToString();
    }

    private static string JsNumber(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "Infinity";
        if (double.IsNegativeInfinity(d)) return "-Infinity";
        if (d == Math.Floor(d) && Math.Abs(d) < 1e21) return ((decimal)d).ToString(CultureInfo.InvariantCulture);
        return d.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>Constant enum member values (TypeScript folds these at compile time).</summary>
    private static object? EvalEnumConstant(Expression e, Dictionary<string, object> members, string enumName)
    {
        // Not a constant if it is too deep to fold here; the expression text is emitted instead.
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack()) return null;
        switch (e)
        {
            case Literal { LiteralKind: LiteralKind.Number } n: return n.NumberValue;
            case Literal { LiteralKind: LiteralKind.String } s: return s.StringValue;
            case TemplateLiteral { Expressions.Count: 0 } t: return t.Quasis[0].Cooked;
            case Identifier id: return members.TryGetValue(id.Name, out var v) ? v : id.Name switch { "Infinity" => double.PositiveInfinity, "NaN" => double.NaN, _ => null };
            case MemberExpression { Object: Identifier o, Computed: false, Property: Identifier p } when o.Name == enumName:
                return members.TryGetValue(p.Name, out var mv) ? mv : null;
            case UnaryExpression u:
            {
                if (EvalEnumConstant(u.Argument, members, enumName) is not double a) return null;
                return u.Operator switch
                {
                    UnaryOperator.Minus => -a,
                    UnaryOperator.Plus => a,
                    UnaryOperator.BitwiseNot => (double)~ToInt32(a),
                    _ => null,
                };
            }
            case BinaryExpression b:
            {
                var l = EvalEnumConstant(b.Left, members, enumName);
                var r = EvalEnumConstant(b.Right, members, enumName);
                if (b.Operator == BinaryOperator.Plus && (l is string || r is string) && l != null && r != null)
                    return Convert.ToString(l is double ld ? JsNumber(ld) : l, CultureInfo.InvariantCulture) + (r is double rd ? JsNumber(rd) : r);
                if (l is not double x || r is not double y) return null;
                return b.Operator switch
                {
                    BinaryOperator.Plus => x + y,
                    BinaryOperator.Minus => x - y,
                    BinaryOperator.Multiply => x * y,
                    BinaryOperator.Divide => x / y,
                    BinaryOperator.Modulo => Math.IEEERemainder(x, y) is var _ ? x % y : 0,
                    BinaryOperator.Exponent => Math.Pow(x, y),
                    BinaryOperator.LeftShift => (double)(ToInt32(x) << (int)(ToUint32(y) & 31)),
                    BinaryOperator.RightShift => (double)(ToInt32(x) >> (int)(ToUint32(y) & 31)),
                    BinaryOperator.UnsignedRightShift => (double)(ToUint32(x) >> (int)(ToUint32(y) & 31)),
                    BinaryOperator.BitwiseAnd => (double)(ToInt32(x) & ToInt32(y)),
                    BinaryOperator.BitwiseOr => (double)(ToInt32(x) | ToInt32(y)),
                    BinaryOperator.BitwiseXor => (double)(ToInt32(x) ^ ToInt32(y)),
                    _ => null,
                };
            }
            default: return null;
        }
    }

    private static int ToInt32(double d) => (int)ToUint32(d);

    private static uint ToUint32(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d)) return 0;
        double t = Math.Truncate(d) % 4294967296.0;
        if (t < 0) t += 4294967296.0;
        return (uint)t;
    }

    /// <summary>
    /// Identifier names referenced as values anywhere below a node (for import elision). Iterative:
    /// flat chains like `a + b + c + ...` build left-deep trees far deeper than the parser's nesting limit.
    /// </summary>
    internal static void CollectReferences(Node root, HashSet<string> into)
    {
        var refs = new List<(Identifier, bool)>();
        CollectReferenceNodes(root, refs, false);
        foreach (var (id, _) in refs) into.Add(id.Name);
    }

    /// <summary>`namespace A.B { ... }` / `module A { ... }` lowered to nested IIFEs.</summary>
    private Statement ParseTsNamespace(Mark m, bool exported)
    {
        string? parent = _tsNamespace;
        Next(); // namespace / module
        var names = new List<string>();
        var first = ParseBindingIdentifier();
        names.Add(first.Name);
        string firstName = first.Name;
        while (Eat(TokenType.Dot))
        {
            if (Type != TokenType.Name) throw Unexpected("a name");
            names.Add(T.Value!);
            Next();
        }
        if (Type != TokenType.LBrace) throw Unexpected("'{'");
        int headerEnd = T.End;
        int editsBefore = _tsEdits.Count;
        string prefix = TsVarPrefix(names[0], exported && parent == null, parent != null);

        var outerFn = _fn;
        var outerScope = _scope;
        _fn = new FnCtx(outerFn, FnKind.Function) { Strict = outerFn.Strict, Async = false };
        _scope = new Scope(outerScope, ScopeKind.Function) { Params = new HashSet<string>() };
        _tsNamespace = names[^1];
        var outerBlockExports = _tsBlockExports;
        _tsBlockExports = new HashSet<string>();
        var body = new List<Statement>();
        bool instantiated = false;
        try
        {
            Next(); // {
            while (Type != TokenType.RBrace)
            {
                if (Type == TokenType.EOF) throw Unexpected("'}'");
                var st = ParseStatementListItem();
                if (st is not EmptyStatement || _tsEdits.Count > editsBefore && _tsEdits[^1].Parts != null) instantiated = true;
                body.Add(st);
            }
        }
        finally
        {
            var innerScope = _scope;
            _fn = outerFn;
            _scope = outerScope;
            _tsNamespace = parent;
            string key = (parent ?? "") + "/" + string.Join(".", names);
            if (_tsNamespaceExports.TryGetValue(key, out var earlier))
            {
                var local = innerScope.AllNames();
                RewriteMergedNamespaceReferences(names[^1], body, earlier, local);
                earlier.UnionWith(_tsBlockExports);
            }
            else _tsNamespaceExports[key] = _tsBlockExports;
            _tsBlockExports = outerBlockExports;
        }
        int closeStart = T.Start, closeEnd = T.End;
        Next();
        if (!instantiated)
        {
            // Only types inside: TypeScript emits nothing.
            _tsEdits.RemoveRange(editsBefore, _tsEdits.Count - editsBefore);
            _tsDeclaredNames.Add(names[0]);
            return TsErased(m);
        }
        var header = new System.Text.StringBuilder(prefix);
        var closing = new System.Text.StringBuilder();
        for (int i = 0; i < names.Count; i++)
        {
            if (i > 0) header.Append($" let {names[i]}; ");
            header.Append($"(function ({names[i]}) {{");
        }
        for (int i = names.Count - 1; i >= 0; i--)
        {
            string arg = i == 0 ? TsIifeArg(names[0], parent, exported) : TsIifeArg(names[i], names[i - 1], exported: true);
            closing.Append($"}})({arg});");
            if (i > 0) closing.Append(' ');
        }
        _tsEdits.Insert(editsBefore, new TsEdit { Start = m.Start, End = headerEnd, Parts = new List<object> { header.ToString() } });
        TsReplace(closeStart, closeEnd, closing.ToString());
        var block = Finish(At(new BlockStatement { Body = body }, m));
        _tsLastDeclaredName = firstName;
        return block;
    }

    /// <summary>`export ...` inside a namespace body: the binding also becomes a property of the namespace object.</summary>
    private Statement ParseTsNamespaceExport()
    {
        string ns = _tsNamespace!;
        var m = M();
        int exportStart = T.Start, exportEnd = T.End;
        Next();
        var dm = M();
        if (IsName("enum") || (IsName("const") && PeekIsName("enum")))
        {
            TsBlank(exportStart, exportEnd);
            var en = ParseTsEnum(dm, exported: true);
            _tsBlockExports?.Add(_tsLastDeclaredName!);
            return en;
        }
        if (IsName("namespace") || IsName("module"))
        {
            TsBlank(exportStart, exportEnd);
            var nsStmt = ParseTsNamespace(dm, exported: true);
            _tsBlockExports?.Add(_tsLastDeclaredName!);
            return nsStmt;
        }
        var ts = TryParseTsDeclaration(dm);
        if (ts != null) { TsBlank(exportStart, exportEnd); return ts; }
        TsBlank(exportStart, exportEnd);
        var stmt = ParseStatementListItem();
        var exportedNames = new List<Identifier>();
        switch (stmt)
        {
            case VariableDeclaration v: foreach (var d in v.Declarations) BoundNames(d.Id, exportedNames); break;
            case FunctionDeclaration { Id: not null } f: exportedNames.Add(f.Id); break;
            case ClassDeclaration { Id: not null } c: exportedNames.Add(c.Id); break;
        }
        foreach (var id in exportedNames) _tsBlockExports?.Add(id.Name);
        switch (stmt)
        {
            case VariableDeclaration vd:
                foreach (var d in vd.Declarations)
                    if (d.Id is Identifier id && d.Init != null)
                        _tsEdits.Add(new TsEdit { Start = d.Init.Start, End = d.Init.Start, Parts = new List<object> { $"{ns}.{id.Name} = " } });
                break;
            case FunctionDeclaration { Id: not null } fd when !TsLastFunctionWasBodyless:
                _tsEdits.Add(new TsEdit { Start = fd.End, End = fd.End, Parts = new List<object> { $" {ns}.{fd.Id.Name} = {fd.Id.Name};" } });
                break;
            case ClassDeclaration { Id: not null } cd:
                _tsEdits.Add(new TsEdit { Start = cd.End, End = cd.End, Parts = new List<object> { $" {ns}.{cd.Id.Name} = {cd.Id.Name};" } });
                break;
        }
        return stmt;
    }

    /// <summary>Inserts `this.x = x;` for parameter properties at the start of the constructor body (after super()).</summary>
    private void EmitTsParameterProperties(List<string> props, BlockStatement body, bool derived)
    {
        int at = body.Start + 1;
        if (derived)
        {
            foreach (var st in body.Body)
            {
                if (st is ExpressionStatement { Expression: CallExpression { Callee: Super } })
                {
                    at = st.End;
                    break;
                }
            }
        }
        var text = new System.Text.StringBuilder();
        foreach (var p in props) text.Append($" this.{p} = {p};");
        _tsEdits.Add(new TsEdit { Start = at, End = at, Parts = new List<object> { text.ToString() } });
    }
}
