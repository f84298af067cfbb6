using System.Text;
using System.Text.Json;
using DualEngine.Syntax.Ast;

namespace DualEngine.Syntax.Tools;

/// <summary>
/// Writes the tree as ESTree JSON (the format acorn and other JS tools use). For debugging,
/// golden tests and cross-checking against acorn. Fields: type, start, end, then node fields.
/// </summary>
public static class EstreeJson
{
    public static string Serialize(Node node, bool indented = false)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            Write(w, node);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void Write(Utf8JsonWriter w, Node? n)
    {
        // Trees from flat chains (a + b + ...) can be deeper than the stack: fail with a catchable exception.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (n == null) { w.WriteNullValue(); return; }
        w.WriteStartObject();
        w.WriteString("type", n.Kind.ToString());
        w.WriteNumber("start", n.Start);
        w.WriteNumber("end", n.End);
        switch (n)
        {
            case Ast.Program p:
                w.WriteString("sourceType", p.SourceType == SourceType.Module ? "module" : "script");
                List(w, "body", p.Body);
                break;
            case Identifier id: Str(w, "name", id.Name); break;
            case PrivateIdentifier pid: w.WriteString("name", pid.Name); break;
            case Literal lit: WriteLiteral(w, lit); break;
            case ArrayExpression a: List(w, "elements", a.Elements); break;
            case ObjectExpression o: List(w, "properties", o.Properties); break;
            case Property p:
                w.WriteString("kind", p.PropertyKind switch { PropertyKind.Get => "get", PropertyKind.Set => "set", _ => "init" });
                w.WriteBoolean("method", p.Method);
                w.WriteBoolean("shorthand", p.Shorthand);
                w.WriteBoolean("computed", p.Computed);
                Field(w, "key", p.Key);
                Field(w, "value", p.Value);
                break;
            case FunctionExpression f: WriteFunction(w, f.Id, f.Params, f.Body, f.Async, f.Generator, false); break;
            case FunctionDeclaration f: WriteFunction(w, f.Id, f.Params, f.Body, f.Async, f.Generator, false); break;
            case ArrowFunctionExpression f: WriteFunction(w, null, f.Params, f.Body, f.Async, false, f.ExpressionBody); break;
            case ClassExpression c: Field(w, "id", c.Id); Field(w, "superClass", c.SuperClass); Field(w, "body", c.Body); break;
            case ClassDeclaration c: Field(w, "id", c.Id); Field(w, "superClass", c.SuperClass); Field(w, "body", c.Body); break;
            case ClassBody cb: List(w, "body", cb.Body); break;
            case MethodDefinition md:
                w.WriteBoolean("static", md.Static);
                w.WriteBoolean("computed", md.Computed);
                w.WriteString("kind", md.MethodKind switch { MethodKind.Constructor => "constructor", MethodKind.Get => "get", MethodKind.Set => "set", _ => "method" });
                Field(w, "key", md.Key);
                Field(w, "value", md.Value);
                break;
            case PropertyDefinition pd:
                w.WriteBoolean("static", pd.Static);
                w.WriteBoolean("computed", pd.Computed);
                Field(w, "key", pd.Key);
                Field(w, "value", pd.Value);
                break;
            case StaticBlock sb: List(w, "body", sb.Body); break;
            case TemplateLiteral t: List(w, "quasis", t.Quasis); List(w, "expressions", t.Expressions); break;
            case TemplateElement te:
                w.WriteBoolean("tail", te.Tail);
                w.WriteStartObject("value");
                Str(w, "raw", te.Raw);
                Str(w, "cooked", te.Cooked);
                w.WriteEndObject();
                break;
            case TaggedTemplateExpression tt: Field(w, "tag", tt.Tag); Field(w, "quasi", tt.Quasi); break;
            case MemberExpression me:
                Field(w, "object", me.Object);
                Field(w, "property", me.Property);
                w.WriteBoolean("computed", me.Computed);
                w.WriteBoolean("optional", me.Optional);
                break;
            case ChainExpression ce: Field(w, "expression", ce.Expression); break;
            case CallExpression call:
                Field(w, "callee", call.Callee);
                List(w, "arguments", call.Arguments);
                w.WriteBoolean("optional", call.Optional);
                break;
            case NewExpression ne: Field(w, "callee", ne.Callee); List(w, "arguments", ne.Arguments); break;
            case UpdateExpression u:
                w.WriteString("operator", OperatorText.Of(u.Operator));
                w.WriteBoolean("prefix", u.Prefix);
                Field(w, "argument", u.Argument);
                break;
            case UnaryExpression u:
                w.WriteString("operator", OperatorText.Of(u.Operator));
                w.WriteBoolean("prefix", true);
                Field(w, "argument", u.Argument);
                break;
            case BinaryExpression b: Field(w, "left", b.Left); w.WriteString("operator", OperatorText.Of(b.Operator)); Field(w, "right", b.Right); break;
            case LogicalExpression l: Field(w, "left", l.Left); w.WriteString("operator", OperatorText.Of(l.Operator)); Field(w, "right", l.Right); break;
            case AssignmentExpression a: w.WriteString("operator", OperatorText.Of(a.Operator)); Field(w, "left", a.Left); Field(w, "right", a.Right); break;
            case ConditionalExpression c: Field(w, "test", c.Test); Field(w, "consequent", c.Consequent); Field(w, "alternate", c.Alternate); break;
            case YieldExpression y: w.WriteBoolean("delegate", y.Delegate); Field(w, "argument", y.Argument); break;
            case AwaitExpression aw: Field(w, "argument", aw.Argument); break;
            case SequenceExpression s: List(w, "expressions", s.Expressions); break;
            case SpreadElement sp: Field(w, "argument", sp.Argument); break;
            case MetaProperty mp: Field(w, "meta", mp.Meta); Field(w, "property", mp.Property); break;
            case ImportExpression ie: Field(w, "source", ie.Source); Field(w, "options", ie.Options); break;
            case ObjectPattern op: List(w, "properties", op.Properties); break;
            case ArrayPattern ap: List(w, "elements", ap.Elements); break;
            case RestElement re: Field(w, "argument", re.Argument); break;
            case AssignmentPattern asp: Field(w, "left", asp.Left); Field(w, "right", asp.Right); break;
            case ExpressionStatement es:
                Field(w, "expression", es.Expression);
                if (es.Directive != null) w.WriteString("directive", es.Directive);
                break;
            case BlockStatement bs: List(w, "body", bs.Body); break;
            case WithStatement ws: Field(w, "object", ws.Object); Field(w, "body", ws.Body); break;
            case ReturnStatement r: Field(w, "argument", r.Argument); break;
            case LabeledStatement ls: Field(w, "label", ls.Label); Field(w, "body", ls.Body); break;
            case BreakStatement br: Field(w, "label", br.Label); break;
            case ContinueStatement co: Field(w, "label", co.Label); break;
            case IfStatement i: Field(w, "test", i.Test); Field(w, "consequent", i.Consequent); Field(w, "alternate", i.Alternate); break;
            case SwitchStatement sw: Field(w, "discriminant", sw.Discriminant); List(w, "cases", sw.Cases); break;
            case SwitchCase sc: Field(w, "test", sc.Test); List(w, "consequent", sc.Consequent); break;
            case ThrowStatement th: Field(w, "argument", th.Argument); break;
            case TryStatement ts: Field(w, "block", ts.Block); Field(w, "handler", ts.Handler); Field(w, "finalizer", ts.Finalizer); break;
            case CatchClause cc: Field(w, "param", cc.Param); Field(w, "body", cc.Body); break;
            case WhileStatement wh: Field(w, "test", wh.Test); Field(w, "body", wh.Body); break;
            case DoWhileStatement dw: Field(w, "body", dw.Body); Field(w, "test", dw.Test); break;
            case ForStatement f: Field(w, "init", f.Init); Field(w, "test", f.Test); Field(w, "update", f.Update); Field(w, "body", f.Body); break;
            case ForInStatement fi: Field(w, "left", fi.Left); Field(w, "right", fi.Right); Field(w, "body", fi.Body); break;
            case ForOfStatement fo: w.WriteBoolean("await", fo.Await); Field(w, "left", fo.Left); Field(w, "right", fo.Right); Field(w, "body", fo.Body); break;
            case VariableDeclaration vd:
                List(w, "declarations", vd.Declarations);
                w.WriteString("kind", vd.DeclarationKind switch
                {
                    VariableKind.Var => "var", VariableKind.Let => "let", VariableKind.Const => "const",
                    VariableKind.Using => "using", _ => "await using",
                });
                break;
            case VariableDeclarator d: Field(w, "id", d.Id); Field(w, "init", d.Init); break;
            case ImportDeclaration id2: List(w, "specifiers", id2.Specifiers); Field(w, "source", id2.Source); List(w, "attributes", id2.Attributes); break;
            case ImportSpecifier isp: Field(w, "imported", isp.Imported); Field(w, "local", isp.Local); break;
            case ImportDefaultSpecifier ids: Field(w, "local", ids.Local); break;
            case ImportNamespaceSpecifier ins: Field(w, "local", ins.Local); break;
            case ImportAttribute ia: Field(w, "key", ia.Key); Field(w, "value", ia.Value); break;
            case ExportNamedDeclaration en:
                Field(w, "declaration", en.Declaration);
                List(w, "specifiers", en.Specifiers);
                Field(w, "source", en.Source);
                List(w, "attributes", en.Attributes);
                break;
            case ExportSpecifier es2: Field(w, "local", es2.Local); Field(w, "exported", es2.Exported); break;
            case ExportDefaultDeclaration ed: Field(w, "declaration", ed.Declaration); break;
            case ExportAllDeclaration ea: Field(w, "exported", ea.Exported); Field(w, "source", ea.Source); List(w, "attributes", ea.Attributes); break;
        }
        w.WriteEndObject();
    }

    private static void WriteFunction(Utf8JsonWriter w, Identifier? id, List<Node> ps, Node body, bool isAsync, bool gen, bool expression)
    {
        Field(w, "id", id);
        w.WriteBoolean("expression", expression);
        w.WriteBoolean("generator", gen);
        w.WriteBoolean("async", isAsync);
        List(w, "params", ps);
        Field(w, "body", body);
    }

    private static void WriteLiteral(Utf8JsonWriter w, Literal lit)
    {
        switch (lit.LiteralKind)
        {
            case LiteralKind.Null: w.WriteNull("value"); break;
            case LiteralKind.Boolean: w.WriteBoolean("value", lit.BooleanValue); break;
            case LiteralKind.Number:
                if (double.IsFinite(lit.NumberValue)) w.WriteNumber("value", lit.NumberValue);
                else w.WriteNull("value"); // JSON cannot hold Infinity; acorn's JSON.stringify also gives null
                break;
            case LiteralKind.String: Str(w, "value", lit.StringValue); break;
            case LiteralKind.BigInt:
                w.WriteNull("value");
                w.WriteString("bigint", lit.BigIntValue.ToString());
                break;
            case LiteralKind.RegExp:
                w.WriteNull("value");
                w.WriteStartObject("regex");
                w.WriteString("pattern", lit.Regex!.Pattern);
                w.WriteString("flags", lit.Regex.Flags);
                w.WriteEndObject();
                break;
        }
        Str(w, "raw", lit.Raw);
    }

    /// <summary>JS strings may hold lone surrogates, which UTF-8 JSON writers replace; escape them by hand.</summary>
    private static void Str(Utf8JsonWriter w, string name, string? value)
    {
        w.WritePropertyName(name);
        if (value == null) { w.WriteNullValue(); return; }
        var sb = new StringBuilder(value.Length + 2).Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            bool paired = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            if (paired) { sb.Append(c).Append(value[++i]); continue; }
            if (c == '"' || c == '\\') sb.Append('\\').Append(c);
            else if (c < 0x20 || char.IsSurrogate(c) || c == 0x2028 || c == 0x2029) sb.Append("\\u").Append(((int)c).ToString("x4"));
            else sb.Append(c);
        }
        w.WriteRawValue(sb.Append('"').ToString(), skipInputValidation: true);
    }

    private static void Field(Utf8JsonWriter w, string name, Node? n)
    {
        w.WritePropertyName(name);
        Write(w, n);
    }

    private static void List<T>(Utf8JsonWriter w, string name, List<T> items) where T : Node?
    {
        w.WriteStartArray(name);
        foreach (var n in items) Write(w, n);
        w.WriteEndArray();
    }
}
