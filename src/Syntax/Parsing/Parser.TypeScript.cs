using DualEngine.Syntax.Ast;
using DualEngine.Syntax.Lexing;

namespace DualEngine.Syntax.Parsing;

/// <summary>An erasure edit: blank a range (Parts == null) or replace it with text/slices of the blanked source.</summary>
internal sealed class TsEdit
{
    public int Start;
    public int End;
    /// <summary>Strings, or (int Start, int End) ranges copied from the blanked source.</summary>
    public List<object>? Parts;
}

/// <summary>TypeScript statements, declarations and expression forms (erased or lowered).</summary>
public sealed partial class Parser
{
    private readonly List<TsEdit> _tsEdits = new();
    private bool _tsAmbient;
    private bool _tsDeclareField;
    private bool TsLastFunctionWasBodyless;
    /// <summary>Names declared only as types (interfaces, type aliases, ambient declarations).</summary>
    private readonly HashSet<string> _tsDeclaredNames = new();
    /// <summary>Identifiers referenced from code we lower (enum initializers), for import elision.</summary>
    internal readonly HashSet<string> TsExtraReferences = new();
    /// <summary>Parameter properties of the constructor being parsed: names to assign to `this`.</summary>
    private List<string>? _tsParamProps;

    internal List<TsEdit> TsEdits => _tsEdits;

    private void TsBlank(int start, int end)
    {
        if (end > start) _tsEdits.Add(new TsEdit { Start = start, End = end });
    }

    private void TsReplace(int start, int end, params object[] parts)
        => _tsEdits.Add(new TsEdit { Start = start, End = end, Parts = new List<object>(parts) });

    /// <summary>Erases a whole statement and returns an EmptyStatement in its place.</summary>
    private Statement TsErased(Mark m)
    {
        TsBlank(m.Start, _lx.PrevEnd);
        return Finish(At(new EmptyStatement(), m));
    }

    /// <summary>Internal entry for the eraser: parses TypeScript and hands back the edits.</summary>
    internal static (Ast.Program Program, List<TsEdit> Edits, HashSet<string> ExtraRefs, HashSet<string> TypeOnlyNames) ParseTypeScript(string source, string? fileName)
    {
        var p = new Parser(source, new ParserOptions { FileName = fileName, TypeScript = true }, module: true);
        var program = p.ParseProgram();
        return (program, p._tsEdits, p.TsExtraReferences, p._tsDeclaredNames);
    }

    // ----- expressions -------------------------------------------------------------------------

    /// <summary>`expr as T`, `expr as const`, `expr satisfies T`: the operator and type are erased.</summary>
    private Expression ParseTsAsExpression(Expression left, Mark m)
    {
        int start = T.Start;
        Next();
        if (IsName("const")) Next();
        else SkipType();
        TsBlank(start, _lx.PrevEnd);
        // Keep the operand; parenthesization counts stay as written.
        return left;
    }

    /// <summary>`&lt;T&gt;expr` type assertion or a generic arrow `&lt;T&gt;(x: T) =&gt; x`.</summary>
    private Expression ParseTsTypeAssertion(Mark m)
    {
        // Each `<` is tried as a generic arrow at most once: `<T>(<T>(<T>(...)))` would otherwise
        // re-parse the inner text once per failed attempt around it (exponential).
        if (!_genericArrowFailed.Contains(m.Start))
        {
            var s = _lx.Save();
            int edits = _tsEdits.Count;
            int spec = BeginSpeculation();
            try
            {
                var arrow = ParseTsGenericArrow(m);
                if (arrow is ArrowFunctionExpression) return arrow;
            }
            catch (JsSyntaxException) when (!_tooDeep) { }
            finally { EndSpeculation(spec); }
            _genericArrowFailed.Add(m.Start);
            _lx.Restore(s);
            _tsEdits.RemoveRange(edits, _tsEdits.Count - edits);
        }
        int start = T.Start;
        Next();
        SkipType();
        EatGreater();
        TsBlank(start, _lx.PrevEnd);
        return ParseUnary();
    }

    private static bool IsTsTargetWrapper(Expression e) => false;

    private readonly HashSet<int> _genericArrowFailed = new();

    /// <summary>`&lt;T&gt;(a: T) =&gt; a` or `async &lt;T&gt;(a) =&gt; a`.</summary>
    private Expression ParseTsGenericArrow(Mark m, bool isAsync = false)
    {
        if (isAsync)
        {
            int asyncEnd = T.End;
            Next(); // async
            SkipTsTypeParameters();
            if (Type != TokenType.LParen) throw Unexpected("'('");
            // Reuse the async-call cover: rewind so it sees `async` `(`... is not possible; parse directly.
            var inner = ParseParenthesized(canBeArrow: true);
            if (inner is not ArrowFunctionExpression arrow) throw Error(m.Start, "Expected an arrow function");
            arrow.Async = true;
            At(arrow, m);
            return arrow;
        }
        SkipTsTypeParameters();
        if (Type != TokenType.LParen) throw Unexpected("'('");
        var result = ParseParenthesized(canBeArrow: true);
        if (result is not ArrowFunctionExpression a) throw Error(m.Start, "Expected an arrow function");
        At(a, m);
        return a;
    }

    private void SkipTsDecorators()
    {
        // Decorators are not part of ES2024; TypeScript's experimental form is rejected clearly.
        if (Type == TokenType.At) throw Error(T.Start, "Decorators are not supported");
    }

    /// <summary>Bodyless function = overload signature or ambient declaration (`function f(): void;`).</summary>
    private bool TsBodylessFunction()
    {
        TsLastFunctionWasBodyless = false;
        if (Type == TokenType.LBrace) return false;
        if (Type == TokenType.Semicolon || CanInsertSemicolon())
        {
            Eat(TokenType.Semicolon);
            TsLastFunctionWasBodyless = true;
            return true;
        }
        return false;
    }

    /// <summary>`public x`, `private readonly y = 1` in constructor parameters: parameter properties.</summary>
    private void SkipTsParameterModifiers()
    {
        bool any = false;
        int start = T.Start;
        while (Type == TokenType.Name && T.Value is "public" or "private" or "protected" or "readonly" or "override"
               && PeekToken().Type is TokenType.Name or TokenType.LBrace or TokenType.LBracket)
        {
            any = true;
            Next();
        }
        if (!any) return;
        TsBlank(start, T.Start);
        if (Type == TokenType.Name && _tsParamProps != null) _tsParamProps.Add(T.Value!);
    }

    /// <summary>Class member modifiers; `static` is kept, the others erased. Returns true if any TS-only syntax was consumed.</summary>
    private bool SkipTsClassModifiers(ref bool isStatic, out bool isAbstract, out bool isIndexSignature)
    {
        isAbstract = false;
        isIndexSignature = false;
        _tsDeclareField = false;
        bool any = false;
        while (Type == TokenType.Name && T.Value is "public" or "private" or "protected" or "readonly" or "override" or "abstract" or "declare" or "static" or "accessor"
               && ModifierFollowedByName(forAsync: true, allowStar: true) && PeekToken().Type != TokenType.LBrace)
        {
            if (T.Value == "static") { isStatic = true; Next(); continue; }
            if (T.Value == "abstract") isAbstract = true;
            if (T.Value == "declare") _tsDeclareField = true;
            TsBlank(T.Start, T.End);
            any = true;
            Next();
        }
        // Index signature `[key: string]: T;`
        if (Type == TokenType.LBracket)
        {
            var s = _lx.Save();
            Next();
            bool isIndex = Type == TokenType.Name && PeekToken().Type == TokenType.Colon;
            _lx.Restore(s);
            if (isIndex)
            {
                int start = T.Start;
                SkipBalanced();
                if (Type == TokenType.Colon) { Next(); SkipType(); }
                Semicolon();
                TsBlank(start, _lx.PrevEnd);
                isIndexSignature = true;
                return true;
            }
        }
        return any;
    }

    private void SkipTsImplements()
    {
        int start = T.Start;
        Next();
        do
        {
            SkipEntityName();
            if (Type == TokenType.Lt) SkipTypeArgumentsRaw();
        } while (Eat(TokenType.Comma));
        TsBlank(start, _lx.PrevEnd);
    }

    // ----- declarations ------------------------------------------------------------------------

    /// <summary>TypeScript-only statements starting with a contextual keyword; null if not one.</summary>
    private Statement? TryParseTsDeclaration(Mark m)
    {
        if (Type != TokenType.Name || T.Escaped) return null;
        var next = PeekToken();
        switch (T.Value)
        {
            case "interface" when next.Type == TokenType.Name && !next.NewlineBefore:
            {
                Next();
                _tsDeclaredNames.Add(T.Value!);
                Next();
                if (Type == TokenType.Lt) SkipTypeParamsRaw();
                if (IsName("extends"))
                {
                    Next();
                    do { SkipEntityName(); if (Type == TokenType.Lt) SkipTypeArgumentsRaw(); } while (Eat(TokenType.Comma));
                }
                if (Type != TokenType.LBrace) throw Unexpected("'{'");
                SkipBalanced();
                return TsErased(m);
            }
            case "type" when next.Type == TokenType.Name && !next.NewlineBefore:
            {
                Next();
                _tsDeclaredNames.Add(T.Value!);
                Next();
                if (Type == TokenType.Lt) SkipTypeParamsRaw();
                Expect(TokenType.Eq);
                SkipType();
                Semicolon();
                return TsErased(m);
            }
            case "declare" when !next.NewlineBefore && next.Type == TokenType.Name:
                return ParseTsAmbient(m);
            case "abstract" when next.Type == TokenType.Name && next.Value == "class" && !next.NewlineBefore:
                TsBlank(T.Start, T.End);
                Next();
                return ParseClassDeclaration(M(), requireName: true);
            case "enum" when next.Type == TokenType.Name:
                return ParseTsEnum(m);
            case "namespace" or "module" when next.Type == TokenType.Name && !next.NewlineBefore:
                return ParseTsNamespace(m, exported: false);
            case "global" when next.Type == TokenType.LBrace:
                Next();
                SkipBalanced();
                return TsErased(m);
        }
        return null;
    }

    /// <summary>`declare ...`: parsed for validity in a throwaway scope, then erased entirely.</summary>
    private Statement ParseTsAmbient(Mark m)
    {
        Next(); // declare
        if ((IsName("module") || IsName("namespace")) && PeekToken().Type == TokenType.String || IsName("global"))
        {
            Next();
            if (Type == TokenType.String) Next();
            if (Type == TokenType.LBrace) SkipBalanced(); else Semicolon();
            return TsErased(m);
        }
        if (IsName("module") || IsName("namespace"))
        {
            Next();
            SkipEntityName();
            SkipBalanced();
            return TsErased(m);
        }
        bool saved = _tsAmbient;
        bool savedStrict = _fn.Strict;
        _tsAmbient = true;
        _fn.Strict = false; // ambient declarations may name `eval` etc.; they produce no code
        var savedScope = _scope;
        _scope = new Scope(_scope, ScopeKind.Block);
        int savedEdits = _tsEdits.Count;
        try
        {
            var names = new List<Identifier>();
            if (IsName("const") && PeekIsName("enum")) Next();
            var stmt = ParseStatementListItem();
            switch (stmt)
            {
                case VariableDeclaration vd: foreach (var d in vd.Declarations) BoundNames(d.Id, names); break;
                case FunctionDeclaration { Id: not null } fd: names.Add(fd.Id); break;
                case ClassDeclaration { Id: not null } cd: names.Add(cd.Id); break;
            }
            foreach (var id in names) _tsDeclaredNames.Add(id.Name);
        }
        finally
        {
            _tsAmbient = saved;
            _fn.Strict = savedStrict;
            _scope = savedScope;
        }
        _tsEdits.RemoveRange(savedEdits, _tsEdits.Count - savedEdits);
        return TsErased(m);
    }

    /// <summary>`import X = require("m")` / `import X = A.B` (lowered to const).</summary>
    private bool TryParseTsImportEquals(Mark m, out Statement? stmt)
    {
        stmt = null;
        bool typeOnly = IsName("type") && PeekToken().Type == TokenType.Name;
        var s = _lx.Save();
        if (typeOnly) Next();
        if (Type != TokenType.Name || PeekToken().Type != TokenType.Eq) { _lx.Restore(s); return false; }
        var nameTok = T;
        Next();
        Next(); // =
        int valueStart = T.Start;
        if (IsName("require") && PeekToken().Type == TokenType.LParen)
        {
            Next();
            Next();
            ParseStringLiteral();
            Expect(TokenType.RParen);
        }
        else SkipEntityName();
        int valueEnd = _lx.PrevEnd;
        Semicolon();
        if (typeOnly) { stmt = TsErased(m); return true; }
        DeclareLexical(nameTok.Value!, nameTok.Start);
        TsReplace(m.Start, _lx.PrevEnd, "const ", nameTok.Value!, " = ", (valueStart, valueEnd), ";");
        stmt = Finish(At(new EmptyStatement(), m));
        return true;
    }

    private bool IsTsImportTypeOnly()
    {
        // `import type X from`, `import type { X }`, `import type * as X` (but `import type from "m"` imports a binding named type).
        var next = PeekToken();
        if (next.Type is TokenType.LBrace or TokenType.Star) return true;
        return next.Type == TokenType.Name && next.Value != "from";
    }

    private void SkipTsTypeOnlyImport()
    {
        while (Type != TokenType.String && Type != TokenType.EOF)
        {
            if (Type == TokenType.LBrace) { SkipBalanced(); continue; }
            Next();
        }
        ParseStringLiteral();
        var attrs = new List<ImportAttribute>();
        ParseImportAttributes(attrs, out _);
        Semicolon();
    }

    /// <summary>`{ type X }` inside import/export braces.</summary>
    private bool TsTypeModifierInSpecifier()
    {
        var next = PeekToken();
        return next.Type == TokenType.Name && !(next.Value == "as" && !next.Escaped && (PeekSecond().Type is TokenType.Comma or TokenType.RBrace));
    }

    private Token PeekSecond()
    {
        var s = _lx.Save();
        _lx.Next();
        _lx.Next();
        var t = _lx.Tok;
        _lx.Restore(s);
        return t;
    }

    private void SkipTsTypeSpecifier()
    {
        int start = T.Start;
        Next(); // type
        Next(); // name
        if (IsContextual("as")) { Next(); Next(); }
        if (Type == TokenType.Comma) Next();
        else if (Type != TokenType.RBrace) throw Unexpected("',' or '}'");
        TsBlank(start, _lx.PrevEnd);
    }

    /// <summary>TypeScript forms after `export`; null when it is an ordinary export.</summary>
    private Statement? TryParseTsExport(Mark m)
    {
        if (Type == TokenType.Eq)
        {
            // `export = x;` (CommonJS interop) has no ESM meaning; lower to a default export.
            int eqStart = T.Start;
            Next();
            ParseExpression();
            Semicolon();
            TsReplace(m.Start, eqStart + 1, "export default ");
            return Finish(At(new EmptyStatement(), m));
        }
        if (Type != TokenType.Name) return null;
        var next = PeekToken();
        switch (T.Value)
        {
            case "type" when next.Type is TokenType.LBrace or TokenType.Star:
            {
                Next();
                if (Type == TokenType.LBrace) SkipBalanced(); else { Next(); if (EatContextual("as")) Next(); }
                if (EatContextual("from")) ParseStringLiteral();
                Semicolon();
                return TsErased(m);
            }
            case "type" or "interface" or "declare" when next.Type == TokenType.Name && !next.NewlineBefore:
            {
                var decl = TryParseTsDeclaration(M());
                if (decl == null) return null;
                return TsErased(m);
            }
            case "enum":
            case "const" when next.Type == TokenType.Name && next.Value == "enum":
            case "namespace" or "module" when next.Type == TokenType.Name && !next.NewlineBefore:
            case "abstract" when next.Type == TokenType.Name && next.Value == "class":
            {
                if (T.Value is "namespace" or "module") return ParseTsNamespace(m, exported: true);
                if (T.Value is "enum" or "const") return ParseTsEnum(m, exported: true);
                TsBlank(T.Start, T.End);
                Next();
                var cls = (ClassDeclaration)ParseClassDeclaration(M(), requireName: true);
                AddExportedName(cls.Id!.Name, cls.Id.Start);
                return Finish(At(new ExportNamedDeclaration { Declaration = cls }, m));
            }
            case "import" when next.Type == TokenType.Name:
            {
                // `export import A = N.B;`
                int exportStart = m.Start;
                var im = M();
                Next();
                if (!TryParseTsImportEquals(im, out var st)) throw Unexpected();
                var edit = _tsEdits[^1];
                if (edit.Parts != null) { edit.Start = exportStart; edit.Parts.Insert(0, "export "); }
                return Finish(At(new EmptyStatement(), m));
            }
            case "as" when next.Type == TokenType.Name && next.Value == "namespace":
                Next(); Next(); Next();
                Semicolon();
                return TsErased(m);
        }
        if (Type == TokenType.Eq)
        {
            // `export = x;` (CommonJS interop) has no ESM meaning; lower to a default export.
            int eqStart = T.Start;
            Next();
            ParseExpression();
            Semicolon();
            TsReplace(m.Start, eqStart + 1, "export default ");
            return Finish(At(new EmptyStatement(), m));
        }
        return null;
    }

}
