using DualEngine.Syntax.Ast;
using DualEngine.Syntax.Lexing;

namespace DualEngine.Syntax.Parsing;

/// <summary>Where a statement appears; decides which declarations are allowed (§14, Annex B.3.1, B.3.3).</summary>
internal enum StatementContext : byte { ListItem, If, Label, Loop, Other }

/// <summary>Statements and declarations (§14).</summary>
public sealed partial class Parser
{
    /// <summary>StatementListItem / ModuleItem: statements plus declarations.</summary>
    private Statement ParseStatementListItem()
    {
        Enter();
        try { return ParseStatementListItemInner(); }
        finally { Leave(); }
    }

    private Statement ParseStatementListItemInner()
    {
        if (Type == TokenType.Name && !T.Escaped)
        {
            var m = M();
            switch (T.Value)
            {
                case "function":
                    return ParseFunctionDeclaration(m, isAsync: false, requireName: true);
                case "class":
                    return ParseClassDeclaration(m, requireName: true);
                case "const":
                    if (_ts && PeekIsName("enum")) return ParseTsEnum(m);
                    return ParseLexicalDeclarationStatement(m, VariableKind.Const);
                case "let":
                    if (IsLetDeclaration()) return ParseLexicalDeclarationStatement(m, VariableKind.Let);
                    break;
                case "using":
                    if (IsUsingDeclaration(PeekToken(), PeekSecond())) return ParseUsingDeclaration(m, VariableKind.Using);
                    break;
                case "await" when InAsync && !InStaticBlock:
                {
                    var next = PeekToken();
                    if (next is { Type: TokenType.Name, Value: "using", Escaped: false, NewlineBefore: false } && IsUsingDeclaration(PeekSecond(), default, awaitForm: true))
                    {
                        if (_fn.Kind == FnKind.Program) _fn.Flags |= FunctionFlags.UsesTopLevelAwait;
                        Next();
                        return ParseUsingDeclaration(m, VariableKind.AwaitUsing);
                    }
                    break;
                }
                case "async":
                {
                    var next = PeekToken();
                    if (next.Type == TokenType.Name && next.Value == "function" && !next.Escaped && !next.NewlineBefore)
                    {
                        Next();
                        return ParseFunctionDeclaration(m, isAsync: true, requireName: true);
                    }
                    break;
                }
                case "import":
                {
                    var next = PeekToken();
                    if (next.Type is TokenType.LParen or TokenType.Dot) break;
                    if (!_module) throw Error(T.Start, "Cannot use import statement outside a module");
                    if (_scope.Kind != ScopeKind.Module || _fn.Kind != FnKind.Program) throw Error(T.Start, "import declarations may only appear at top level of a module");
                    return ParseImportDeclaration();
                }
                case "export":
                    if (_ts && _tsNamespace != null) return ParseTsNamespaceExport();
                    if (!_module) throw Error(T.Start, "Unexpected token 'export'");
                    if (_scope.Kind != ScopeKind.Module || _fn.Kind != FnKind.Program) throw Error(T.Start, "export declarations may only appear at top level of a module");
                    return ParseExportDeclaration();
                default:
                    if (_ts)
                    {
                        var ts = TryParseTsDeclaration(m);
                        if (ts != null) return ts;
                    }
                    break;
            }
        }
        else if (Type == TokenType.At && _ts)
        {
            SkipTsDecorators();
            return ParseStatementListItem();
        }
        return ParseStatement(StatementContext.ListItem);
    }

    private bool PeekIsName(string name)
    {
        var t = PeekToken();
        return t.Type == TokenType.Name && t.Value == name && !t.Escaped;
    }

    /// <summary>`let` starts a LexicalDeclaration when followed by an identifier, `[` or `{` (§14.3.1).</summary>
    private bool IsLetDeclaration()
    {
        var next = PeekToken();
        if (next.Type is TokenType.LBracket or TokenType.LBrace) return true;
        if (next.Type != TokenType.Name) return false;
        // `let` newline `in`/`instanceof`/... is an expression; a following identifier makes a declaration.
        if (next.NewlineBefore && !next.Escaped && (next.Value is "in" or "instanceof" or "of")) return false;
        if (!next.Escaped && IsReservedWord(next.Value!) && next.Value is not ("yield" or "await" or "let")) return next.NewlineBefore ? false : true;
        return true;
    }

    /// <summary>
    /// `using` starts a UsingDeclaration when an identifier follows on the same line
    /// (explicit resource management: `using [no LineTerminator here] BindingList`).
    /// </summary>
    private static bool IsUsingDeclaration(Token next, Token second, bool awaitForm = false)
    {
        if (next.Type != TokenType.Name || next.NewlineBefore) return false;
        if (!next.Escaped && next.Value is "in" or "instanceof") return false;
        if (!awaitForm && !next.Escaped && next.Value == "of" && second.Type != TokenType.Eq) return false;
        return true;
    }

    private Statement ParseUsingDeclaration(Mark m, VariableKind kind)
    {
        string word = kind == VariableKind.Using ? "using" : "await using";
        if (_scope.Kind == ScopeKind.Script) throw Error(m.Start, $"'{word}' declarations are not allowed at the top level of a script");
        if (_scope.IsSwitch) throw Error(m.Start, $"'{word}' declarations are not allowed directly in a switch case");
        Next(); // using
        var decl = ParseVariableDeclarations(m, kind, noIn: false, inFor: false);
        Semicolon();
        return Finish(decl);
    }

    private Statement ParseStatement(StatementContext ctx)
    {
        Enter();
        try
        {
            return ParseStatementInner(ctx);
        }
        finally { Leave(); }
    }

    private Statement ParseStatementInner(StatementContext ctx)
    {
        var m = M();
        switch (Type)
        {
            case TokenType.LBrace:
                return ParseBlock(newScope: true);
            case TokenType.Semicolon:
                Next();
                return Finish(At(new EmptyStatement(), m));
            case TokenType.Name when !T.Escaped:
                switch (T.Value)
                {
                    case "var":
                    {
                        Next();
                        var decl = ParseVariableDeclarations(m, VariableKind.Var, noIn: false, inFor: false);
                        Semicolon();
                        return Finish(decl);
                    }
                    case "if": return ParseIf();
                    case "for": return ParseFor();
                    case "while": return ParseWhile();
                    case "do": return ParseDoWhile();
                    case "continue": return ParseContinue();
                    case "break": return ParseBreak();
                    case "return": return ParseReturn();
                    case "with": return ParseWith();
                    case "switch": return ParseSwitch();
                    case "throw": return ParseThrow();
                    case "try": return ParseTry();
                    case "debugger":
                        Next();
                        Semicolon();
                        return Finish(At(new DebuggerStatement(), m));
                    case "function":
                    {
                        // Annex B.3.3/B.3.4: sloppy `if (x) function f(){}` and `L: function f(){}`.
                        if (Strict || ctx is StatementContext.Loop or StatementContext.Other || _opt.AnnexB == false)
                            throw Error(T.Start, "In strict mode code, functions can only be declared at top level or inside a block");
                        var next = PeekToken();
                        if (next.Type == TokenType.Star) throw Error(T.Start, "Generators can only be declared at the top level or inside a block");
                        if (ctx == StatementContext.If)
                        {
                            // Treated as if it were in its own block.
                            PushScope(ScopeKind.Block);
                            var f = ParseFunctionDeclaration(m, isAsync: false, requireName: true);
                            PopScope();
                            return f;
                        }
                        return ParseFunctionDeclaration(m, isAsync: false, requireName: true);
                    }
                    case "class":
                        throw Error(T.Start, "Class declaration cannot appear in a single-statement context");
                    case "const":
                        throw Error(T.Start, "Lexical declaration cannot appear in a single-statement context");
                    case "let":
                    {
                        var next = PeekToken();
                        if (next.Type == TokenType.LBracket) throw Error(T.Start, "Lexical declaration cannot appear in a single-statement context");
                        if (ctx == StatementContext.ListItem) break;
                        if (!next.NewlineBefore && (next.Type == TokenType.LBrace || (next.Type == TokenType.Name && !IsReservedWord(next.Value!))))
                            throw Error(T.Start, "Lexical declaration cannot appear in a single-statement context");
                        break;
                    }
                    case "async":
                    {
                        var next = PeekToken();
                        if (next.Type == TokenType.Name && next.Value == "function" && !next.NewlineBefore)
                            throw Error(T.Start, "Async functions can only be declared at the top level or inside a block");
                        break;
                    }
                    case "import":
                    {
                        var next = PeekToken();
                        if (next.Type is not (TokenType.LParen or TokenType.Dot)) throw Error(T.Start, "Cannot use import statement here");
                        break;
                    }
                    case "export":
                        throw Error(T.Start, "Unexpected token 'export'");
                    case "enum":
                        throw Error(T.Start, "Unexpected reserved word 'enum'");
                }
                break;
        }
        return ParseExpressionOrLabeledStatement(m, ctx);
    }

    private Statement ParseExpressionOrLabeledStatement(Mark m, StatementContext ctx)
    {
        bool startsWithName = Type == TokenType.Name;
        var expr = ParseExpression();
        if (startsWithName && expr is Identifier id && id.ParenthesizedCount == 0 && Type == TokenType.Colon && id.End - id.Start == _lx.PrevEnd - m.Start)
        {
            Next();
            return ParseLabeledStatement(m, id, ctx);
        }
        Semicolon();
        return Finish(At(new ExpressionStatement { Expression = expr }, m));
    }

    /// <summary>LabelledStatement (§14.13): duplicate labels are early errors.</summary>
    private Statement ParseLabeledStatement(Mark m, Identifier label, StatementContext ctx)
    {
        foreach (var l in _fn.Labels)
            if (l.Name == label.Name) throw Error(label.Start, $"Label '{label.Name}' has already been declared");
        var info = new LabelInfo { Name = label.Name, BodyStart = T.Start };
        _fn.Labels.Add(info);
        labelStarts[info] = m.Start;
        // §14.6.1 / §14.7.1.1: `if (x) L: function f(){}` and labelled functions as loop bodies are errors.
        var body = ParseStatement(ctx is StatementContext.ListItem or StatementContext.Label ? StatementContext.Label : StatementContext.Other);
        _fn.Labels.Remove(info);
        labelStarts.Remove(info);
        return Finish(At(new LabeledStatement { Label = label, Body = body }, m));
    }

    private readonly Dictionary<LabelInfo, int> labelStarts = new();

    /// <summary>Marks the labels that directly label the loop starting at <paramref name="start"/> as continue targets.</summary>
    private void MarkLoopLabels(int start)
    {
        if (!_fn.HasLabels) return;
        for (int i = _fn.Labels.Count - 1; i >= 0; i--)
        {
            var l = _fn.Labels[i];
            if (l.BodyStart != start) break;
            l.IsLoop = true;
            start = labelStarts[l];
        }
    }

    private BlockStatement ParseBlock(bool newScope)
    {
        var m = M();
        Expect(TokenType.LBrace);
        if (newScope) PushScope(ScopeKind.Block);
        var block = At(new BlockStatement(), m);
        while (Type != TokenType.RBrace)
        {
            if (Type == TokenType.EOF) throw Unexpected("'}'");
            block.Body.Add(ParseStatementListItem());
        }
        Next();
        if (newScope)
        {
            block.Scope = ToInfo(_scope);
            PopScope();
        }
        return Finish(block);
    }

    private Statement ParseLexicalDeclarationStatement(Mark m, VariableKind kind)
    {
        Next();
        var decl = ParseVariableDeclarations(m, kind, noIn: false, inFor: false);
        Semicolon();
        return Finish(decl);
    }

    /// <summary>VariableDeclarationList / BindingList (§14.3.1, §14.3.2). Declares names in the current scope.</summary>
    private VariableDeclaration ParseVariableDeclarations(Mark m, VariableKind kind, bool noIn, bool inFor)
    {
        var decl = At(new VariableDeclaration { DeclarationKind = kind }, m);
        while (true)
        {
            var dm = M();
            var d = At(new VariableDeclarator(), dm);
            if (kind != VariableKind.Var && IsName("let")) throw Error(T.Start, "let is disallowed as a lexically bound name");
            if (kind is VariableKind.Using or VariableKind.AwaitUsing && Type != TokenType.Name)
                throw Unexpected("an identifier (using declarations cannot destructure)");
            d.Id = ParseBindingTarget();
            if (_ts && Type == TokenType.Bang) { TsBlank(T.Start, T.End); Next(); } // definite assignment `x!: T`
            if (_ts && Type == TokenType.Colon) SkipTsTypeAnnotation();
            if (Eat(TokenType.Eq))
            {
                d.Init = ParseAssignment(noIn);
            }
            else if (!(inFor && (IsContextual("of") || IsName("in"))))
            {
                if (kind is VariableKind.Const or VariableKind.Using or VariableKind.AwaitUsing && !_tsAmbient)
                    throw Error(T.Start, $"Missing initializer in {(kind == VariableKind.Const ? "const" : "using")} declaration");
                if (d.Id is not Identifier && !_tsAmbient) throw Error(T.Start, "Missing initializer in destructuring declaration");
            }
            decl.Declarations.Add(Finish(d));
            if (!inFor) DeclarePattern(d.Id, kind);
            if (!Eat(TokenType.Comma)) break;
        }
        return Finish(decl);
    }

    private Statement ParseIf()
    {
        var m = M();
        Next();
        Expect(TokenType.LParen);
        var test = ParseExpression();
        Expect(TokenType.RParen);
        var cons = ParseStatement(StatementContext.If);
        Statement? alt = null;
        if (IsName("else") && !T.Escaped)
        {
            Next();
            alt = ParseStatement(StatementContext.If);
        }
        return Finish(At(new IfStatement { Test = test, Consequent = cons, Alternate = alt }, m));
    }

    private Statement ParseLoopBody()
    {
        _fn.LoopDepth++;
        _fn.BreakableDepth++;
        var body = ParseStatement(StatementContext.Loop);
        _fn.LoopDepth--;
        _fn.BreakableDepth--;
        return body;
    }

    private Statement ParseWhile()
    {
        var m = M();
        MarkLoopLabels(m.Start);
        Next();
        Expect(TokenType.LParen);
        var test = ParseExpression();
        Expect(TokenType.RParen);
        var body = ParseLoopBody();
        return Finish(At(new WhileStatement { Test = test, Body = body }, m));
    }

    private Statement ParseDoWhile()
    {
        var m = M();
        MarkLoopLabels(m.Start);
        Next();
        var body = ParseLoopBody();
        if (!IsName("while") || T.Escaped) throw Unexpected("'while'");
        Next();
        Expect(TokenType.LParen);
        var test = ParseExpression();
        Expect(TokenType.RParen);
        // §12.10.1: a semicolon is inserted after do-while's `)` if missing.
        Eat(TokenType.Semicolon);
        return Finish(At(new DoWhileStatement { Body = body, Test = test }, m));
    }

    private Statement ParseContinue()
    {
        var m = M();
        Next();
        Identifier? label = null;
        if (Type == TokenType.Name && !T.NewlineBefore && !(IsReservedWord(T.Value!) && !T.Escaped))
        {
            label = ParseLabelIdentifier();
            var info = _fn.Labels.Find(l => l.Name == label.Name);
            if (info == null) throw Error(label.Start, $"Undefined label '{label.Name}'");
            if (!info.IsLoop) throw Error(label.Start, $"Illegal continue statement: '{label.Name}' does not denote an iteration statement");
        }
        if (_fn.LoopDepth == 0) throw Error(m.Start, "Illegal continue statement: no surrounding iteration statement");
        Semicolon();
        return Finish(At(new ContinueStatement { Label = label }, m));
    }

    private Statement ParseBreak()
    {
        var m = M();
        Next();
        Identifier? label = null;
        if (Type == TokenType.Name && !T.NewlineBefore && !(IsReservedWord(T.Value!) && !T.Escaped))
        {
            label = ParseLabelIdentifier();
            if (_fn.Labels.Find(l => l.Name == label.Name) == null) throw Error(label.Start, $"Undefined label '{label.Name}'");
        }
        else if (_fn.BreakableDepth == 0) throw Error(m.Start, "Illegal break statement");
        Semicolon();
        return Finish(At(new BreakStatement { Label = label }, m));
    }

    private Identifier ParseLabelIdentifier()
    {
        var m = M();
        string name = T.Value!;
        if (T.Escaped && IsReservedWord(name)) throw Error(T.Start, "Keyword must not contain escaped characters");
        CheckIdentifier(name, T.Start, binding: false);
        Next();
        return Finish(At(new Identifier { Name = name }, m));
    }

    private Statement ParseReturn()
    {
        var m = M();
        if (!_fn.AllowReturn) throw Error(T.Start, "Illegal return statement");
        Next();
        Expression? arg = null;
        if (!CanInsertSemicolon()) arg = ParseExpression();
        Semicolon();
        return Finish(At(new ReturnStatement { Argument = arg }, m));
    }

    private Statement ParseWith()
    {
        var m = M();
        if (Strict) throw Error(T.Start, "Strict mode code may not include a with statement");
        Next();
        Expect(TokenType.LParen);
        var obj = ParseExpression();
        Expect(TokenType.RParen);
        MarkEval(); // with makes every enclosing scope dynamic, like eval
        MarkUse(FunctionFlags.UsesWith);
        var body = ParseStatement(StatementContext.Other);
        return Finish(At(new WithStatement { Object = obj, Body = body }, m));
    }

    private Statement ParseSwitch()
    {
        var m = M();
        Next();
        Expect(TokenType.LParen);
        var disc = ParseExpression();
        Expect(TokenType.RParen);
        Expect(TokenType.LBrace);
        var sw = At(new SwitchStatement { Discriminant = disc }, m);
        PushScope(ScopeKind.Block);
        _scope.IsSwitch = true;
        _fn.BreakableDepth++;
        bool sawDefault = false;
        while (Type != TokenType.RBrace)
        {
            var cm = M();
            var sc = At(new SwitchCase(), cm);
            if (IsName("case") && !T.Escaped)
            {
                Next();
                sc.Test = ParseExpression();
            }
            else if (IsName("default") && !T.Escaped)
            {
                if (sawDefault) throw Error(T.Start, "More than one default clause in switch statement");
                sawDefault = true;
                Next();
            }
            else throw Unexpected("'case', 'default' or '}'");
            Expect(TokenType.Colon);
            while (Type != TokenType.RBrace && !((IsName("case") || IsName("default")) && !T.Escaped))
            {
                if (Type == TokenType.EOF) throw Unexpected("'}'");
                sc.Consequent.Add(ParseStatementListItem());
            }
            sw.Cases.Add(Finish(sc));
        }
        Next();
        _fn.BreakableDepth--;
        sw.Scope = ToInfo(_scope);
        PopScope();
        return Finish(sw);
    }

    private Statement ParseThrow()
    {
        var m = M();
        Next();
        if (T.NewlineBefore) throw Error(T.Start, "Illegal newline after throw");
        var arg = ParseExpression();
        Semicolon();
        return Finish(At(new ThrowStatement { Argument = arg }, m));
    }

    private Statement ParseTry()
    {
        var m = M();
        Next();
        var ts = At(new TryStatement { Block = ParseBlock(newScope: true) }, m);
        if (IsName("catch") && !T.Escaped)
        {
            var cm = M();
            Next();
            var cc = At(new CatchClause(), cm);
            PushScope(ScopeKind.Catch);
            if (Eat(TokenType.LParen))
            {
                cc.Param = ParseBindingTarget();
                if (_ts && Type == TokenType.Colon) SkipTsTypeAnnotation();
                Expect(TokenType.RParen);
                var names = new List<Identifier>();
                BoundNames(cc.Param, names);
                var kind = cc.Param is Identifier ? DeclKind.SimpleCatchParam : DeclKind.CatchParam;
                foreach (var id in names)
                {
                    if (_scope.HasLexical(id.Name)) throw Redeclared(id.Name, id.Start);
                    _scope.SetLexical(id.Name, kind);
                    _scope.Record(id.Name, BindingKind.CatchParameter);
                }
            }
            // §14.15.1: catch parameter names conflict with lexical declarations of the block,
            // so the block shares the catch scope.
            cc.Body = ParseBlock(newScope: false);
            cc.Scope = ToInfo(_scope);
            PopScope();
            ts.Handler = Finish(cc);
        }
        if (IsName("finally") && !T.Escaped)
        {
            Next();
            ts.Finalizer = ParseBlock(newScope: true);
        }
        if (ts.Handler == null && ts.Finalizer == null) throw Unexpected("'catch' or 'finally'");
        return Finish(ts);
    }
}
