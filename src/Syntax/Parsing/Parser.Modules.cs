using DualEngine.Syntax.Ast;
using DualEngine.Syntax.Lexing;

namespace DualEngine.Syntax.Parsing;

/// <summary>Import and export declarations (§16.2.2, §16.2.3) and their early errors.</summary>
public sealed partial class Parser
{
    private readonly HashSet<string> _exportedNames = new();
    private readonly List<Identifier> _exportLocals = new();

    private Statement ParseImportDeclaration()
    {
        var m = M();
        Next(); // import
        var decl = At(new ImportDeclaration(), m);
        if (_ts && TryParseTsImportEquals(m, out var tsStmt)) return tsStmt!;
        if (_ts && IsContextual("type") && IsTsImportTypeOnly()) { SkipTsTypeOnlyImport(); return TsErased(m); }
        if (Type == TokenType.String)
        {
            decl.Source = ParseStringLiteral();
            ParseImportAttributes(decl.Attributes, out bool legacy);
            decl.LegacyAssert = legacy;
            Semicolon();
            return Finish(decl);
        }
        if (Type == TokenType.Name)
        {
            var dm = M();
            var local = ParseImportLocal();
            decl.Specifiers.Add(Finish(At(new ImportDefaultSpecifier { Local = local }, dm)));
            if (!Eat(TokenType.Comma)) goto from;
        }
        if (Type == TokenType.Star)
        {
            var nm = M();
            Next();
            ExpectContextual("as");
            var local = ParseImportLocal();
            decl.Specifiers.Add(Finish(At(new ImportNamespaceSpecifier { Local = local }, nm)));
        }
        else if (Type == TokenType.LBrace)
        {
            Next();
            while (Type != TokenType.RBrace)
            {
                var sm = M();
                if (_ts && IsContextual("type") && TsTypeModifierInSpecifier())
                {
                    SkipTsTypeSpecifier();
                    continue;
                }
                var imported = ParseModuleExportName(out bool isString, out var nameTok);
                Identifier local;
                if (EatContextual("as")) local = ParseImportLocal();
                else
                {
                    if (isString) throw Unexpected("'as'");
                    if (nameTok.Escaped && IsReservedWord(nameTok.Value!)) throw Error(nameTok.Start, "Keyword must not contain escaped characters");
                    CheckIdentifier(nameTok.Value!, nameTok.Start, binding: true);
                    local = At(new Identifier { Name = ((Identifier)imported).Name }, imported);
                    local.End = imported.End;
                    DeclareLexical(local.Name, local.Start, binding: BindingKind.Import);
                }
                decl.Specifiers.Add(Finish(At(new ImportSpecifier { Imported = imported, Local = local }, sm)));
                if (Type != TokenType.RBrace) Expect(TokenType.Comma);
            }
            Next();
        }
        else throw Unexpected("'{' or '*'");
        from:
        ExpectContextual("from");
        decl.Source = ParseStringLiteral();
        ParseImportAttributes(decl.Attributes, out bool legacy2);
        decl.LegacyAssert = legacy2;
        Semicolon();
        return Finish(decl);
    }

    private Identifier ParseImportLocal()
    {
        var id = ParseBindingIdentifier();
        DeclareLexical(id.Name, id.Start, binding: BindingKind.Import);
        return id;
    }

    /// <summary>ModuleExportName (§16.2.3): IdentifierName or a well-formed string literal.</summary>
    private Expression ParseModuleExportName(out bool isString, out Token tok)
    {
        tok = T;
        if (Type == TokenType.String)
        {
            isString = true;
            var lit = ParseStringLiteral();
            if (!IsWellFormed(lit.StringValue!)) throw Error(lit.Start, "Module export name must be well-formed Unicode");
            return lit;
        }
        isString = false;
        if (Type != TokenType.Name) throw Unexpected("an identifier or string");
        var m = M();
        var id = new Identifier { Name = T.Value! };
        Next();
        return Finish(At(id, m));
    }

    private static bool IsWellFormed(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(s[i])) return false;
        }
        return true;
    }

    /// <summary>`with { type: "json" }` (ES2025 import attributes) or the legacy `assert { ... }`.</summary>
    private void ParseImportAttributes(List<ImportAttribute> into, out bool legacy)
    {
        legacy = false;
        if (IsName("with") && !T.Escaped) Next();
        else if (IsContextual("assert") && !T.NewlineBefore) { legacy = true; Next(); }
        else return;
        Expect(TokenType.LBrace);
        var seen = new HashSet<string>();
        while (Type != TokenType.RBrace)
        {
            var am = M();
            Expression key;
            if (Type == TokenType.String) key = ParseStringLiteral();
            else if (Type == TokenType.Name)
            {
                var km = M();
                key = At(new Identifier { Name = T.Value!, End = T.End }, km);
                Next();
            }
            else throw Unexpected("an attribute key");
            Expect(TokenType.Colon);
            var value = ParseStringLiteral();
            var attr = Finish(At(new ImportAttribute { Key = key, Value = value }, am));
            if (!seen.Add(attr.KeyName)) throw Error(key.Start, $"Import attribute has duplicate key '{attr.KeyName}'");
            into.Add(attr);
            if (Type != TokenType.RBrace) Expect(TokenType.Comma);
        }
        Next();
    }

    private void AddExportedName(string name, int pos)
    {
        if (!_exportedNames.Add(name)) throw Error(pos, $"Duplicate export of '{name}'");
    }

    private Statement ParseExportDeclaration()
    {
        var m = M();
        Next(); // export
        if (_ts)
        {
            var tsExport = TryParseTsExport(m);
            if (tsExport != null) return tsExport;
        }
        if (Type == TokenType.Star)
        {
            Next();
            var all = At(new ExportAllDeclaration(), m);
            if (EatContextual("as"))
            {
                all.Exported = ParseModuleExportName(out _, out _);
                AddExportedName(ModuleNames.NameOf(all.Exported), all.Exported.Start);
            }
            ExpectContextual("from");
            all.Source = ParseStringLiteral();
            ParseImportAttributes(all.Attributes, out _);
            Semicolon();
            return Finish(all);
        }
        if (IsName("default") && !T.Escaped)
        {
            int defPos = T.Start;
            Next();
            AddExportedName("default", defPos);
            var ed = At(new ExportDefaultDeclaration(), m);
            var dm = M();
            if (IsName("function") && !T.Escaped)
            {
                ed.Declaration = ParseFunctionDeclaration(dm, isAsync: false, requireName: false);
                if (_ts && TsLastFunctionWasBodyless) { _exportedNames.Remove("default"); return TsErased(m); }
                return Finish(ed);
            }
            if (IsContextual("async"))
            {
                var next = PeekToken();
                if (next.Type == TokenType.Name && next.Value == "function" && !next.Escaped && !next.NewlineBefore)
                {
                    Next();
                    ed.Declaration = ParseFunctionDeclaration(dm, isAsync: true, requireName: false);
                    return Finish(ed);
                }
            }
            if (IsName("class") && !T.Escaped)
            {
                ed.Declaration = ParseClassDeclaration(dm, requireName: false);
                return Finish(ed);
            }
            if (_ts && (IsContextual("interface") || IsContextual("abstract")))
            {
                var tsDecl = TryParseTsDeclaration(dm);
                if (tsDecl is ClassDeclaration) { ed.Declaration = tsDecl; return Finish(ed); }
                if (tsDecl != null) { _exportedNames.Remove("default"); return TsErased(m); }
            }
            ed.Declaration = ParseAssignment();
            Semicolon();
            return Finish(ed);
        }
        var en = At(new ExportNamedDeclaration(), m);
        if (Type == TokenType.LBrace)
        {
            Next();
            var localToks = new List<(Expression Local, bool IsString, Token Tok)>();
            while (Type != TokenType.RBrace)
            {
                var sm = M();
                if (_ts && IsContextual("type") && TsTypeModifierInSpecifier())
                {
                    SkipTsTypeSpecifier();
                    continue;
                }
                var local = ParseModuleExportName(out bool isString, out var tok);
                var exported = local;
                if (EatContextual("as")) exported = ParseModuleExportName(out _, out _);
                AddExportedName(ModuleNames.NameOf(exported), exported.Start);
                en.Specifiers.Add(Finish(At(new ExportSpecifier { Local = local, Exported = exported }, sm)));
                localToks.Add((local, isString, tok));
                if (Type != TokenType.RBrace) Expect(TokenType.Comma);
            }
            Next();
            if (IsContextual("from"))
            {
                Next();
                en.Source = ParseStringLiteral();
                ParseImportAttributes(en.Attributes, out _);
            }
            else
            {
                // §16.2.3.1: without `from`, local names must be identifiers that are not reserved words.
                foreach (var (local, isString, tok) in localToks)
                {
                    if (isString) throw Error(local.Start, "A string export name requires a 'from' clause");
                    if (IsReservedWord(tok.Value!) || (tok.Value is "await" or "yield" or "let" or "static" or "implements" or "interface" or "package" or "private" or "protected" or "public"))
                        throw Error(local.Start, $"Unexpected reserved word '{tok.Value}'");
                    _exportLocals.Add((Identifier)local);
                }
            }
            Semicolon();
            return Finish(en);
        }
        // export var/let/const/function/class
        var dm2 = M();
        Statement decl;
        if (IsName("var") || IsName("let") || IsName("const"))
        {
            if (_ts && IsName("const") && PeekIsName("enum")) decl = ParseTsEnum(dm2);
            else
            {
                var kind = T.Value == "var" ? VariableKind.Var : T.Value == "let" ? VariableKind.Let : VariableKind.Const;
                Next();
                var vd = ParseVariableDeclarations(dm2, kind, noIn: false, inFor: false);
                Semicolon();
                decl = Finish(vd);
            }
        }
        else if (IsName("function")) decl = ParseFunctionDeclaration(dm2, isAsync: false, requireName: true);
        else if (IsContextual("async") && PeekIsName("function") && !PeekToken().NewlineBefore)
        {
            Next();
            decl = ParseFunctionDeclaration(dm2, isAsync: true, requireName: true);
        }
        else if (IsName("class")) decl = ParseClassDeclaration(dm2, requireName: true);
        else if (_ts && TryParseTsDeclaration(dm2) is { } tsd) decl = tsd;
        else throw Unexpected("a declaration, '{' or '*'");

        if (decl is not Declaration d) return Finish(At(new EmptyStatement(), m)); // erased TypeScript declaration
        if (_ts && decl is FunctionDeclaration && TsLastFunctionWasBodyless) return TsErased(m); // overload signature
        var names = new List<Identifier>();
        switch (d)
        {
            case VariableDeclaration v: foreach (var x in v.Declarations) BoundNames(x.Id, names); break;
            case FunctionDeclaration f when f.Id != null: names.Add(f.Id); break;
            case ClassDeclaration c when c.Id != null: names.Add(c.Id); break;
        }
        foreach (var id in names) AddExportedName(id.Name, id.Start);
        en.Declaration = d;
        return Finish(en);
    }

    /// <summary>§16.2.1.1: every `export { x }` must name a declared top-level binding.</summary>
    private void CheckModuleExports()
    {
        foreach (var id in _exportLocals)
        {
            if (_scope.HasLexical(id.Name) || _scope.HasVar(id.Name)) continue;
            if (_ts && _tsDeclaredNames.Contains(id.Name)) continue;
            throw Error(id.Start, $"Export '{id.Name}' is not defined in module");
        }
    }
}
