using DualEngine.Syntax.Ast;

namespace DualEngine.Engine.Compiler;

/// <summary>The tree walk of scope analysis: opens scopes where the spec creates environments and resolves references.</summary>
internal sealed partial class ScopeAnalyzer
{
    private void VisitStatements(List<Statement> statements)
    {
        foreach (var s in statements) VisitStatement(s);
    }

    private void VisitStatement(Statement? s)
    {
        if (s is null) return;
        Throw.IfStackLow();
        switch (s)
        {
            case ExpressionStatement e: VisitExpression(e.Expression); break;
            case BlockStatement b:
                PushScope(b, ScopeKind.Block);
                DeclareLexical(b.Body, _scope);
                VisitStatements(b.Body);
                PopScope();
                break;
            case VariableDeclaration v:
                foreach (var d in v.Declarations)
                {
                    VisitDeclarationPattern(d.Id, v.DeclarationKind != VariableKind.Var);
                    VisitExpression(d.Init);
                }
                break;
            case FunctionDeclaration f: VisitFunction(f, f); break;
            case ClassDeclaration c: VisitClass(c, c); break;
            case ReturnStatement r: VisitExpression(r.Argument); break;
            case IfStatement i:
                VisitExpression(i.Test);
                VisitStatement(IfClause(i.Consequent));
                VisitStatement(IfClause(i.Alternate));
                break;
            case WhileStatement w: VisitExpression(w.Test); VisitStatement(w.Body); break;
            case DoWhileStatement dw: VisitStatement(dw.Body); VisitExpression(dw.Test); break;
            case ForStatement f:
                bool lexicalInit = f.Init is VariableDeclaration { DeclarationKind: not VariableKind.Var };
                if (lexicalInit)
                {
                    PushScope(f, ScopeKind.Block);
                    DeclarePattern(f.Init!, ((VariableDeclaration)f.Init!).DeclarationKind == VariableKind.Const ? BindingKind.Const : BindingKind.Let);
                    MarkInitializedAt(f.Init!, _scope, f.Init!.End);
                }
                int closuresBefore = _result.Functions.Count + _result.ClassInits.Count + _evalScopes.Count;
                if (f.Init is Statement initStatement) VisitStatement(initStatement);
                else if (f.Init is Expression initExpression) VisitExpression(initExpression);
                if (lexicalInit && _result.Functions.Count + _result.ClassInits.Count + _evalScopes.Count != closuresBefore)
                    _result.ForInitClosures.Add(f);
                VisitExpression(f.Test);
                VisitExpression(f.Update);
                VisitStatement(f.Body);
                if (lexicalInit) PopScope();
                break;
            case ForInStatement fi: VisitForInOf(fi, fi.Left, fi.Right, fi.Body); break;
            case ForOfStatement fo: VisitForInOf(fo, fo.Left, fo.Right, fo.Body); break;
            case LabeledStatement l: VisitStatement(l.Body); break;
            case ThrowStatement t: VisitExpression(t.Argument); break;
            case TryStatement t:
                VisitStatement(t.Block);
                if (t.Handler is { } h)
                {
                    PushScope(h, ScopeKind.Catch);
                    if (h.Param is not null) DeclarePattern(h.Param, BindingKind.CatchParameter);
                    if (h.Param is null or Identifier)
                    {
                        // One scope: the block cannot redeclare a simple parameter lexically (§14.15.1), so none is observable.
                        DeclareLexical(h.Body.Body, _scope);
                        if (h.Param is not null) VisitPattern(h.Param);
                        VisitStatements(h.Body.Body);
                    }
                    else
                    {
                        // A destructuring parameter's initializers may close over names the block then shadows: the block
                        // has its own environment (§14.15.7 CatchClauseEvaluation step 8, Block evaluation).
                        VisitPattern(h.Param);
                        VisitStatement(h.Body);
                    }
                    PopScope();
                }
                VisitStatement(t.Finalizer);
                break;
            case SwitchStatement sw:
                VisitExpression(sw.Discriminant);
                PushScope(sw, ScopeKind.Block);
                foreach (var c in sw.Cases) DeclareLexical(c.Consequent, _scope, inOrder: false);
                foreach (var c in sw.Cases)
                {
                    VisitExpression(c.Test);
                    VisitStatements(c.Consequent);
                }
                PopScope();
                break;
            case WithStatement with:
                VisitExpression(with.Object);
                PushScope(with, ScopeKind.With);
                _scope.Declare("%with", BindingKind.Var).Captured = true;
                VisitStatement(with.Body);
                PopScope();
                break;
            case ExportNamedDeclaration { Declaration: { } d }: VisitStatement(d); break;
            case ExportDefaultDeclaration ed: VisitNode(ed.Declaration); break;
        }
    }

    private void VisitNode(Node n)
    {
        // Module declarations are compiled by the module compiler; only walk nested expressions here.
        if (n is Expression e) VisitExpression(e);
        else if (n is Statement s) VisitStatement(s);
    }

    private void VisitForInOf(Node statement, Node left, Expression right, Statement body)
    {
        // `for (var x = init in o)` (sloppy, Annex B.3.5): the initializer is ordinary code, run before the head's expression.
        if (left is VariableDeclaration { DeclarationKind: VariableKind.Var } head)
            foreach (var d in head.Declarations) VisitExpression(d.Init);
        bool lexical = left is VariableDeclaration { DeclarationKind: not VariableKind.Var };
        if (lexical)
        {
            // ForIn/OfHeadEvaluation (§14.7.5.6 step 2): the expression sees the loop's names, uninitialized.
            PushScope(right, ScopeKind.Block);
            DeclarePattern(left, BindingKind.Let);
            VisitExpression(right);
            PopScope();
        }
        else VisitExpression(right);
        if (lexical)
        {
            PushScope(statement, ScopeKind.Block);
            DeclarePattern(left, ((VariableDeclaration)left).DeclarationKind == VariableKind.Const ? BindingKind.Const : BindingKind.Let);
            // Each iteration binds the names before the body runs (the head's expression saw the other scope's).
            MarkInitializedAt(left, _scope, left.End);
        }
        if (left is VariableDeclaration v)
            foreach (var d in v.Declarations) VisitDeclarationPattern(d.Id, v.DeclarationKind != VariableKind.Var);
        else
            VisitTarget(left);
        VisitStatement(body);
        if (lexical) PopScope();
    }

    /// <summary>A default value or computed key inside a pattern: ordinary code, whose identifiers are references.</summary>
    private void VisitPatternValue(Expression? e)
    {
        var saved = (_declaring, _writing);
        (_declaring, _writing) = (false, false);
        VisitExpression(e);
        (_declaring, _writing) = saved;
    }

    /// <summary>
    /// The binding identifiers of a let/const declarator are declaration sites, not reads; its default values are.
    /// A `var` declarator's names are assignment targets (it may redeclare a parameter).
    /// </summary>
    private void VisitDeclarationPattern(Node pattern, bool lexical)
    {
        var saved = (_declaring, _writing);
        (_declaring, _writing) = (lexical, !lexical);
        VisitPattern(pattern);
        (_declaring, _writing) = saved;
    }

    /// <summary>The target of an assignment, update or for-in/of head: its identifiers are written.</summary>
    private void VisitTarget(Node target)
    {
        bool saved = _writing;
        _writing = true;
        VisitPattern(target);
        _writing = saved;
    }

    /// <summary>Patterns: resolve identifiers (as targets) and visit default values and computed keys.</summary>
    private void VisitPattern(Node? p)
    {
        switch (p)
        {
            case null: return;
            case Identifier id: Resolve(id.Name, _declaring ? -1 : id.Start); return;
            case AssignmentPattern ap: VisitPattern(ap.Left); VisitPatternValue(ap.Right); return;
            case RestElement r: VisitPattern(r.Argument); return;
            case ArrayPattern arr:
                foreach (var e in arr.Elements) VisitPattern(e);
                return;
            case ObjectPattern obj:
                foreach (var prop in obj.Properties)
                {
                    if (prop is Property pp)
                    {
                        if (pp.Computed) VisitPatternValue(pp.Key);
                        VisitPattern(pp.Value);
                    }
                    else VisitPattern(prop);
                }
                return;
            case Expression e: VisitPatternValue(e); return;
        }
    }

    private void VisitExpressions(IEnumerable<Expression?> list)
    {
        foreach (var e in list) VisitExpression(e);
    }

    private void VisitExpression(Expression? e)
    {
        if (e is null) return;
        Throw.IfStackLow();
        switch (e)
        {
            case Identifier id: Resolve(id.Name, id.Start); break;
            case ThisExpression: Resolve("this"); break;
            case Super: Resolve("%home"); Resolve("this"); Resolve("%callee"); Resolve("new.target"); break;
            case MetaProperty m:
                if (m.IsNewTarget) Resolve("new.target");
                break;
            case Literal or PrivateIdentifier: break;
            case ArrayExpression a: VisitExpressions(a.Elements); break;
            case ObjectExpression o:
                foreach (var p in o.Properties)
                {
                    if (p is Property prop)
                    {
                        if (prop.Computed) VisitExpression(prop.Key);
                        if (prop.Value is FunctionExpression fe && (prop.Method || prop.PropertyKind != PropertyKind.Init)) VisitFunction(fe, fe, true);
                        else VisitExpression((Expression)prop.Value);
                    }
                    else VisitExpression((Expression)p);
                }
                break;
            case FunctionExpression f: VisitFunction(f, f); break;
            case ArrowFunctionExpression af: VisitFunction(af, af); break;
            case ClassExpression c: VisitClass(c, c); break;
            case TemplateLiteral t: VisitExpressions(t.Expressions); break;
            case TaggedTemplateExpression tt: VisitExpression(tt.Tag); VisitExpressions(tt.Quasi.Expressions); break;
            case MemberExpression m:
                VisitExpression(m.Object);
                if (m.Computed) VisitExpression(m.Property);
                else if (m.Property is PrivateIdentifier pid) Resolve("#" + pid.Name);
                break;
            case ChainExpression ch: VisitExpression(ch.Expression); break;
            case CallExpression call:
                if (call.Callee is Identifier { Name: "eval" } && !call.Optional) MarkDirectEval();
                VisitExpression(call.Callee);
                VisitExpressions(call.Arguments);
                break;
            case NewExpression n:
                VisitExpression(n.Callee);
                VisitExpressions(n.Arguments);
                break;
            case UpdateExpression u: VisitTarget(u.Argument); break;
            case UnaryExpression u: VisitExpression(u.Argument); break;
            case BinaryExpression b:
                if (b.Left is PrivateIdentifier lp) Resolve("#" + lp.Name);
                else VisitExpression(b.Left);
                VisitExpression(b.Right);
                break;
            case LogicalExpression l: VisitExpression(l.Left); VisitExpression(l.Right); break;
            case AssignmentExpression a: VisitTarget(a.Left); VisitExpression(a.Right); break;
            case ConditionalExpression c: VisitExpression(c.Test); VisitExpression(c.Consequent); VisitExpression(c.Alternate); break;
            case YieldExpression y: VisitExpression(y.Argument); break;
            case AwaitExpression aw: VisitExpression(aw.Argument); break;
            case SequenceExpression seq: VisitExpressions(seq.Expressions); break;
            case SpreadElement sp: VisitExpression(sp.Argument); break;
            case ImportExpression ie: VisitExpression(ie.Source); VisitExpression(ie.Options); break;
        }
    }

    // ---- classes (§15.7.14 ClassDefinitionEvaluation) ----

    private void VisitClass(IClass c, Node node)
    {
        var scope = PushScope(node, ScopeKind.Class);
        if (c.Id is not null) scope.Declare(c.Id.Name, BindingKind.Const);
        foreach (var element in c.Body.Body)
        {
            var key = element switch { MethodDefinition m => m.Key, PropertyDefinition p => p.Key, _ => null };
            // Private names are used by the synthetic initializers too, so they always live in the class environment.
            if (key is PrivateIdentifier pid) scope.Declare("#" + pid.Name, BindingKind.PrivateName).Captured = true;
        }
        VisitExpression(c.SuperClass);

        // Field initializers and static blocks run as methods of synthetic functions (this = instance / class).
        var instanceInit = NewSyntheticFunction();
        var staticInit = NewSyntheticFunction();
        _result.ClassInits[c.Body] = (instanceInit, staticInit);

        foreach (var element in c.Body.Body)
        {
            switch (element)
            {
                case MethodDefinition m:
                    if (m.Computed) VisitExpression(m.Key);
                    VisitFunction(m.Value, m.Value, true);
                    if (m.MethodKind == MethodKind.Constructor && c.SuperClass is not null) _result.Functions[m.Value].IsDerivedConstructor = true;
                    break;
                case PropertyDefinition p:
                    if (p.Computed) VisitExpression(p.Key);
                    if (p.Value is not null) InSynthetic(p.Static ? staticInit : instanceInit, () => VisitExpression(p.Value));
                    break;
                case StaticBlock sb:
                    InSynthetic(staticInit, () =>
                    {
                        PushScope(sb, ScopeKind.Block);
                        HoistVars(sb.Body, _scope);
                        DeclareLexical(sb.Body, _scope);
                        VisitStatements(sb.Body);
                        PopScope();
                    });
                    break;
            }
        }
        PopScope();
    }

    private FunctionInfo NewSyntheticFunction()
    {
        var info = new FunctionInfo(null, _fn, false) { Strict = true, IsMethod = true, IsFieldInitializer = true };
        info.Scope = new Scope(ScopeKind.Function, _scope, info);
        DeclareFunctionSpecials(info.Scope);
        return info;
    }

    private void InSynthetic(FunctionInfo info, Action visit)
    {
        var (savedScope, savedFn) = (_scope, _fn);
        _scope = info.Scope;
        _fn = info;
        visit();
        (_scope, _fn) = (savedScope, savedFn);
    }
}
