using DualEngine.Syntax;
using DualEngine.Syntax.Ast;
using DualEngine.Syntax.Parsing;

namespace DualEngine.Backends.V8.Modules;

/// <summary>
/// V8 10.2 parses import assertions (`assert { type: "json" }`, and `{ assert: {...} }` as import()'s
/// options) but not import attributes (`with`, ES2025 §16.2.2 WithClause). Deno accepts both, so before V8
/// compiles a module the attribute spelling is rewritten to the assertion spelling. The places come from
/// our own parser, so strings, comments and template text that merely look like imports are never touched.
/// Each rewrite turns `with` into `assert`: what follows on that line moves two columns right.
/// </summary>
internal static class ImportAttributes
{
    public static string AsAssertions(string source)
    {
        if (!source.Contains("with", StringComparison.Ordinal)) return source;
        Syntax.Ast.Program program;
        try
        {
            program = Parser.ParseModule(source);
        }
        catch (JsSyntaxException)
        {
            return source;  // V8 reports the syntax error itself, with its own position
        }
        var keywords = new List<int>();  // offsets of the `with` to rewrite
        var pending = new Stack<Node>();
        pending.Push(program);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            switch (node)
            {
                case ImportDeclaration { Source: { } from } import:
                    AddClauseKeyword(source, from.End, import.End, keywords);
                    continue;
                case ExportNamedDeclaration { Source: { } from } export:
                    AddClauseKeyword(source, from.End, export.End, keywords);
                    break;
                case ExportAllDeclaration { Source: { } from } export:
                    AddClauseKeyword(source, from.End, export.End, keywords);
                    continue;
                case ImportExpression { Options: ObjectExpression options }:
                    foreach (var member in options.Properties)
                    {
                        if (member is Property { Computed: false, Key: var key } && IsWith(key)) keywords.Add(key.Start);
                    }
                    break;
            }
            foreach (var child in AstChildren.Of(node)) pending.Push(child);
        }
        if (keywords.Count == 0) return source;
        keywords.Sort();
        var text = new System.Text.StringBuilder(source.Length + 2 * keywords.Count);
        int copied = 0;
        foreach (int at in keywords)
        {
            bool quoted = source[at] is '"' or '\'';
            text.Append(source, copied, at - copied).Append(quoted ? $"{source[at]}assert{source[at]}" : "assert");
            copied = at + (quoted ? 6 : 4);
        }
        return text.Append(source, copied, source.Length - copied).ToString();
    }

    private static bool IsWith(Expression key) =>
        key is Identifier { Name: "with" } || key is Literal { LiteralKind: LiteralKind.String, StringValue: "with", Raw.Length: 6 };

    // Between a declaration's module specifier and its end only the clause keyword (`with` or `assert`),
    // its braces and comments can appear; the keyword is the first "with" outside a comment.
    private static void AddClauseKeyword(string source, int from, int end, List<int> keywords)
    {
        for (int i = from; i < end; i++)
        {
            if (source[i] == '/' && i + 1 < end && source[i + 1] == '/') { while (i < end && source[i] != '\n') i++; continue; }
            if (source[i] == '/' && i + 1 < end && source[i + 1] == '*') { i = source.IndexOf("*/", i + 2, StringComparison.Ordinal); if (i < 0) return; i++; continue; }
            if (source[i] == '{' || source[i] == ';') return;  // `assert {`, or no clause at all
            if (string.CompareOrdinal(source, i, "with", 0, 4) == 0) { keywords.Add(i); return; }
        }
    }
}
