namespace DualEngine.Syntax.Ast;

/// <summary>
/// Enumerates the direct child nodes of any node in source order. A generic building block
/// for walkers (scope analysis, linting, tests) that works without reflection.
/// </summary>
public static class AstChildren
{
    public static IEnumerable<Node> Of(Node node)
    {
        var list = new List<Node>(4);
        Collect(node, list);
        return list;
    }

    private static void Add(List<Node> l, Node? n)
    {
        if (n != null) l.Add(n);
    }

    private static void AddAll<T>(List<Node> l, List<T> items) where T : Node?
    {
        foreach (var n in items) if (n != null) l.Add(n);
    }

    public static void Collect(Node node, List<Node> l)
    {
        switch (node)
        {
            case Program p: AddAll(l, p.Body); break;
            case ArrayExpression a: AddAll(l, a.Elements); break;
            case ObjectExpression o: AddAll(l, o.Properties); break;
            case Property p: if (p.Shorthand) Add(l, p.Value); else { Add(l, p.Key); Add(l, p.Value); } break;
            case FunctionExpression f: Add(l, f.Id); AddAll(l, f.Params); Add(l, f.Body); break;
            case FunctionDeclaration f: Add(l, f.Id); AddAll(l, f.Params); Add(l, f.Body); break;
            case ArrowFunctionExpression f: AddAll(l, f.Params); Add(l, f.Body); break;
            case ClassExpression c: Add(l, c.Id); Add(l, c.SuperClass); Add(l, c.Body); break;
            case ClassDeclaration c: Add(l, c.Id); Add(l, c.SuperClass); Add(l, c.Body); break;
            case ClassBody b: AddAll(l, b.Body); break;
            case MethodDefinition md: Add(l, md.Key); Add(l, md.Value); break;
            case PropertyDefinition pd: Add(l, pd.Key); Add(l, pd.Value); break;
            case StaticBlock sb: AddAll(l, sb.Body); break;
            case TemplateLiteral t:
                for (int i = 0; i < t.Quasis.Count; i++)
                {
                    l.Add(t.Quasis[i]);
                    if (i < t.Expressions.Count) l.Add(t.Expressions[i]);
                }
                break;
            case TaggedTemplateExpression tt: Add(l, tt.Tag); Add(l, tt.Quasi); break;
            case MemberExpression me: Add(l, me.Object); Add(l, me.Property); break;
            case ChainExpression ce: Add(l, ce.Expression); break;
            case CallExpression call: Add(l, call.Callee); AddAll(l, call.Arguments); break;
            case NewExpression ne: Add(l, ne.Callee); AddAll(l, ne.Arguments); break;
            case UpdateExpression u: Add(l, u.Argument); break;
            case UnaryExpression u: Add(l, u.Argument); break;
            case BinaryExpression b: Add(l, b.Left); Add(l, b.Right); break;
            case LogicalExpression lo: Add(l, lo.Left); Add(l, lo.Right); break;
            case AssignmentExpression asg: Add(l, asg.Left); Add(l, asg.Right); break;
            case ConditionalExpression c: Add(l, c.Test); Add(l, c.Consequent); Add(l, c.Alternate); break;
            case YieldExpression y: Add(l, y.Argument); break;
            case AwaitExpression aw: Add(l, aw.Argument); break;
            case SequenceExpression s: AddAll(l, s.Expressions); break;
            case SpreadElement sp: Add(l, sp.Argument); break;
            case MetaProperty mp: Add(l, mp.Meta); Add(l, mp.Property); break;
            case ImportExpression ie: Add(l, ie.Source); Add(l, ie.Options); break;
            case ObjectPattern op: AddAll(l, op.Properties); break;
            case ArrayPattern ap: AddAll(l, ap.Elements); break;
            case RestElement re: Add(l, re.Argument); break;
            case AssignmentPattern asp: Add(l, asp.Left); Add(l, asp.Right); break;
            case ExpressionStatement es: Add(l, es.Expression); break;
            case BlockStatement bs: AddAll(l, bs.Body); break;
            case WithStatement w: Add(l, w.Object); Add(l, w.Body); break;
            case ReturnStatement r: Add(l, r.Argument); break;
            case LabeledStatement ls: Add(l, ls.Label); Add(l, ls.Body); break;
            case BreakStatement br: Add(l, br.Label); break;
            case ContinueStatement co: Add(l, co.Label); break;
            case IfStatement i: Add(l, i.Test); Add(l, i.Consequent); Add(l, i.Alternate); break;
            case SwitchStatement sw: Add(l, sw.Discriminant); AddAll(l, sw.Cases); break;
            case SwitchCase sc: Add(l, sc.Test); AddAll(l, sc.Consequent); break;
            case ThrowStatement th: Add(l, th.Argument); break;
            case TryStatement ts: Add(l, ts.Block); Add(l, ts.Handler); Add(l, ts.Finalizer); break;
            case CatchClause cc: Add(l, cc.Param); Add(l, cc.Body); break;
            case WhileStatement ws: Add(l, ws.Test); Add(l, ws.Body); break;
            case DoWhileStatement dw: Add(l, dw.Body); Add(l, dw.Test); break;
            case ForStatement f: Add(l, f.Init); Add(l, f.Test); Add(l, f.Update); Add(l, f.Body); break;
            case ForInStatement fi: Add(l, fi.Left); Add(l, fi.Right); Add(l, fi.Body); break;
            case ForOfStatement fo: Add(l, fo.Left); Add(l, fo.Right); Add(l, fo.Body); break;
            case VariableDeclaration vd: AddAll(l, vd.Declarations); break;
            case VariableDeclarator d: Add(l, d.Id); Add(l, d.Init); break;
            case ImportDeclaration id: AddAll(l, id.Specifiers); Add(l, id.Source); AddAll(l, id.Attributes); break;
            case ImportSpecifier isp: Add(l, isp.Imported); if (isp.Local != isp.Imported) Add(l, isp.Local); break;
            case ImportDefaultSpecifier ids: Add(l, ids.Local); break;
            case ImportNamespaceSpecifier ins: Add(l, ins.Local); break;
            case ImportAttribute ia: Add(l, ia.Key); Add(l, ia.Value); break;
            case ExportNamedDeclaration en: Add(l, en.Declaration); AddAll(l, en.Specifiers); Add(l, en.Source); AddAll(l, en.Attributes); break;
            case ExportSpecifier es2: Add(l, es2.Local); if (es2.Exported != es2.Local) Add(l, es2.Exported); break;
            case ExportDefaultDeclaration ed: Add(l, ed.Declaration); break;
            case ExportAllDeclaration ea: Add(l, ea.Exported); Add(l, ea.Source); AddAll(l, ea.Attributes); break;
        }
    }
}
