using System.Text;
using DualEngine.Syntax.Ast;
using DualEngine.Syntax.Parsing;

namespace DualEngine.Syntax.TypeScript;

/// <summary>
/// Turns TypeScript into JavaScript by blanking type syntax with spaces (so line and column
/// numbers of the remaining code are unchanged) and lowering enums, namespaces and parameter
/// properties in place. Like `tsc --isolatedModules`, imports whose bindings are never used as
/// values are removed (import elision), so type-only imports do not reach the module loader.
/// </summary>
public static class TypeScriptEraser
{
    /// <summary>Returns the JavaScript for a TypeScript module. Throws <see cref="JsSyntaxException"/> on syntax errors.</summary>
    public static string Erase(string source, string? fileName = null)
    {
        var (program, edits, extraRefs, typeOnly) = Parser.ParseTypeScript(source, fileName);
        var used = new HashSet<string>(extraRefs);
        Parser.CollectReferences(program, used);
        var all = new List<TsEdit>(edits);
        AddImportElision(program, used, all);
        AddTypeOnlyExportElision(program, typeOnly, all);
        return Apply(source, all);
    }

    /// <summary>Removes import specifiers (or whole declarations) whose local names are never used as values.</summary>
    private static void AddImportElision(Ast.Program program, HashSet<string> used, List<TsEdit> edits)
    {
        foreach (var st in program.Body)
        {
            if (st is not ImportDeclaration imp) continue;
            if (imp.Specifiers.Count == 0)
            {
                // `import { type A } from "m"` lost all its specifiers: TypeScript drops it entirely,
                // while `import "m"` (no clause) is kept for its side effects.
                if (program.SourceText != null && program.SourceText.IndexOf('{', imp.Start, imp.Source.Start - imp.Start) >= 0)
                    edits.Add(new TsEdit { Start = imp.Start, End = imp.End });
                continue;
            }
            var keep = imp.Specifiers.Where(s => used.Contains(LocalOf(s))).ToList();
            if (keep.Count == imp.Specifiers.Count) continue;
            if (keep.Count == 0)
            {
                edits.Add(new TsEdit { Start = imp.Start, End = imp.End });
                continue;
            }
            // Rebuild the clause from the kept specifiers' own text.
            var clause = new StringBuilder();
            var def = keep.OfType<ImportDefaultSpecifier>().FirstOrDefault();
            var ns = keep.OfType<ImportNamespaceSpecifier>().FirstOrDefault();
            var named = keep.OfType<ImportSpecifier>().ToList();
            var parts = new List<object> { " " };
            if (def != null) parts.Add((def.Start, def.End));
            if (ns != null) { if (parts.Count > 1) parts.Add(", "); parts.Add((ns.Start, ns.End)); }
            if (named.Count > 0)
            {
                if (parts.Count > 1) parts.Add(", ");
                parts.Add("{ ");
                for (int i = 0; i < named.Count; i++)
                {
                    if (i > 0) parts.Add(", ");
                    parts.Add((named[i].Start, named[i].End));
                }
                parts.Add(" }");
            }
            int clauseStart = imp.Specifiers.Min(s => s.Start);
            int clauseEnd = imp.Source.Start;
            // Clause runs up to (not including) the `from` keyword before the source.
            parts.Add(" from ");
            edits.Add(new TsEdit { Start = ClauseStartIncludingBrace(program, imp, clauseStart), End = clauseEnd, Parts = parts });
        }
    }

    private static int ClauseStartIncludingBrace(Ast.Program program, ImportDeclaration imp, int firstSpecifier)
    {
        // The clause starts right after the `import` keyword.
        return imp.Start + "import".Length;
    }

    private static string LocalOf(Node s) => s switch
    {
        ImportSpecifier i => i.Local.Name,
        ImportDefaultSpecifier d => d.Local.Name,
        ImportNamespaceSpecifier n => n.Local.Name,
        _ => "",
    };

    /// <summary>`export { Foo }` where Foo is only an interface/type: the specifier is dropped.</summary>
    private static void AddTypeOnlyExportElision(Ast.Program program, HashSet<string> typeOnly, List<TsEdit> edits)
    {
        if (typeOnly.Count == 0) return;
        foreach (var st in program.Body)
        {
            if (st is not ExportNamedDeclaration { Declaration: null, Source: null } ex || ex.Specifiers.Count == 0) continue;
            var keep = ex.Specifiers.Where(s => !(s.Local is Identifier id && typeOnly.Contains(id.Name))).ToList();
            if (keep.Count == ex.Specifiers.Count) continue;
            if (keep.Count == 0)
            {
                edits.Add(new TsEdit { Start = ex.Start, End = ex.End });
                continue;
            }
            var parts = new List<object> { "export { " };
            for (int i = 0; i < keep.Count; i++)
            {
                if (i > 0) parts.Add(", ");
                parts.Add((keep[i].Start, keep[i].End));
            }
            parts.Add(" };");
            edits.Add(new TsEdit { Start = ex.Start, End = ex.End, Parts = parts });
        }
    }

    /// <summary>Blanks first (keeping line terminators), then applies replacements in source order.</summary>
    private static string Apply(string source, List<TsEdit> edits)
    {
        var chars = source.ToCharArray();
        foreach (var e in edits)
        {
            if (e.Parts != null) continue;
            for (int i = e.Start; i < e.End && i < chars.Length; i++)
            {
                char c = chars[i];
                if (c != '\n' && c != '\r' && c != '\u2028' && c != '\u2029') chars[i] = ' ';
            }
        }
        var blanked = new string(chars);
        var replacements = edits.Where(e => e.Parts != null).Select((e, i) => (e, i)).OrderBy(x => x.e.Start).ThenBy(x => x.i).Select(x => x.e).ToList();
        var sb = new StringBuilder(source.Length + 256);
        int pos = 0;
        foreach (var r in replacements)
        {
            if (r.Start < pos) continue; // nested inside an earlier replacement (already represented by slices)
            sb.Append(blanked, pos, r.Start - pos);
            foreach (var part in r.Parts!)
            {
                if (part is string s) sb.Append(s);
                else if (part is ValueTuple<int, int> range) sb.Append(blanked, range.Item1, range.Item2 - range.Item1);
            }
            // Keep the line structure of what was replaced.
            for (int i = r.Start; i < r.End; i++)
                if (blanked[i] == '\n') sb.Append('\n');
            pos = r.End;
        }
        sb.Append(blanked, pos, blanked.Length - pos);
        return sb.ToString();
    }
}
