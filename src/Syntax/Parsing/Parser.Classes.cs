using DualEngine.Syntax.Ast;
using DualEngine.Syntax.Lexing;

namespace DualEngine.Syntax.Parsing;

/// <summary>Classes (§15.7): elements, private names, static blocks, fields.</summary>
public sealed partial class Parser
{
    /// <summary>Private names declared by one class body and references waiting to be resolved (§15.7.1 AllPrivateIdentifiersValid).</summary>
    private sealed class PrivateScope
    {
        public PrivateScope? Parent;
        /// <summary>name -> "field", "method", "get", "set", "accessor" (+ " static").</summary>
        public readonly Dictionary<string, string> Declared = new();
        public readonly List<(string Name, int Pos)> Refs = new();
    }

    private PrivateScope? _priv;

    private void UsePrivateName(string name, int pos)
    {
        if (_priv == null) throw Error(pos, $"Private field '#{name}' must be declared in an enclosing class");
        _priv.Refs.Add((name, pos));
    }

    private Statement ParseClassDeclaration(Mark m, bool requireName, bool declare = true)
    {
        var cd = At(new ClassDeclaration(), m);
        Next(); // class
        if (Type == TokenType.Name && !(IsName("extends") && !T.Escaped) && !(_ts && IsName("implements")))
        {
            cd.Id = ParseClassName();
            if (declare) DeclareLexical(cd.Id.Name, cd.Id.Start, binding: BindingKind.Class);
        }
        else if (requireName) throw Unexpected("a class name");
        ParseClassTail(out var superClass, out var body);
        cd.SuperClass = superClass;
        cd.Body = body;
        return Finish(cd);
    }

    private Expression ParseClassExpression()
    {
        var m = M();
        var ce = At(new ClassExpression(), m);
        Next(); // class
        if (Type == TokenType.Name && !(IsName("extends") && !T.Escaped) && !(_ts && IsName("implements")))
            ce.Id = ParseClassName();
        ParseClassTail(out var superClass, out var body);
        ce.SuperClass = superClass;
        ce.Body = body;
        return Finish(ce);
    }

    /// <summary>All parts of a class are strict mode code (§11.2.2), including its name.</summary>
    private Identifier ParseClassName()
    {
        bool saved = _fn.Strict;
        _fn.Strict = true;
        try { return ParseBindingIdentifier(); }
        finally { _fn.Strict = saved; }
    }

    private void ParseClassTail(out Expression? superClass, out ClassBody body)
    {
        bool savedStrict = _fn.Strict;
        _fn.Strict = true;
        try
        {
            superClass = null;
            if (_ts && Type == TokenType.Lt) SkipTsTypeParameters();
            if (IsName("extends") && !T.Escaped)
            {
                Next();
                superClass = ParseLeftHandSide();
                if (_ts && Type == TokenType.Lt) SkipTsTypeArguments();
            }
            if (_ts && IsName("implements")) SkipTsImplements();
            var priv = new PrivateScope { Parent = _priv };
            _priv = priv;
            body = ParseClassBody(superClass != null);
            _priv = priv.Parent;
            foreach (var (name, pos) in priv.Refs)
            {
                if (priv.Declared.ContainsKey(name)) continue;
                if (_priv == null) throw Error(pos, $"Private field '#{name}' must be declared in an enclosing class");
                _priv.Refs.Add((name, pos));
            }
        }
        finally { _fn.Strict = savedStrict; }
    }

    private ClassBody ParseClassBody(bool derived)
    {
        Enter();
        try { return ParseClassBodyInner(derived); }
        finally { Leave(); }
    }

    private ClassBody ParseClassBodyInner(bool derived)
    {
        var m = M();
        Expect(TokenType.LBrace);
        var body = At(new ClassBody(), m);
        bool sawConstructor = false;
        while (Type != TokenType.RBrace)
        {
            if (Eat(TokenType.Semicolon)) continue;
            if (Type == TokenType.EOF) throw Unexpected("'}'");
            var el = ParseClassElement(derived, ref sawConstructor);
            if (el != null) body.Body.Add(el);
        }
        Next();
        return Finish(body);
    }

    /// <summary>`get`/`set`/`static`/`async` act as modifiers only when a property name follows.</summary>
    private bool ModifierFollowedByName(bool forAsync = false, bool allowStar = true)
    {
        var next = PeekToken();
        if (forAsync && next.NewlineBefore) return false;
        if (next.Type == TokenType.Star) return allowStar;
        return next.Type is TokenType.Name or TokenType.String or TokenType.Number or TokenType.BigInt
            or TokenType.LBracket or TokenType.PrivateName or TokenType.LBrace;
    }

    private Node? ParseClassElement(bool derived, ref bool sawConstructor)
    {
        var m = M();
        if (_ts) SkipTsDecorators();
        bool isStatic = false;
        if (IsContextual("static") && ModifierFollowedByName())
        {
            Next();
            isStatic = true;
            if (Type == TokenType.LBrace) return ParseStaticBlock(m);
        }
        bool tsAbstract = false;
        if (_ts && SkipTsClassModifiers(ref isStatic, out tsAbstract, out bool isIndexSignature))
        {
            if (isIndexSignature) return null;
        }
        int methodStart = T.Start;
        bool isAsync = false, isGenerator = false;
        MethodKind kind = MethodKind.Method;
        if (IsContextual("async") && ModifierFollowedByName(forAsync: true) && PeekToken().Type != TokenType.LBrace)
        {
            Next();
            isAsync = true;
        }
        if (Type == TokenType.Star)
        {
            Next();
            isGenerator = true;
        }
        if (!isAsync && !isGenerator && (IsContextual("get") || IsContextual("set")) && ModifierFollowedByName(allowStar: false) && PeekToken().Type != TokenType.LBrace)
        {
            kind = T.Value == "get" ? MethodKind.Get : MethodKind.Set;
            Next();
        }

        var keyTok = T;
        Expression key;
        bool computed = false;
        if (Type == TokenType.PrivateName)
        {
            if (T.Value == "constructor") throw Error(T.Start, "Classes may not have a private field named '#constructor'");
            var pm = M();
            key = At(new PrivateIdentifier { Name = T.Value! }, pm);
            key.End = T.End;
            Next();
        }
        else key = ParsePropertyKey(out computed);

        string? staticName = computed ? null : key switch
        {
            Identifier id => id.Name,
            Literal { LiteralKind: LiteralKind.String } lit => lit.StringValue,
            _ => null,
        };

        if (_ts && Type == TokenType.Question) { TsBlank(T.Start, T.End); Next(); } // optional member `x?`
        if (_ts && Type == TokenType.Bang) { TsBlank(T.Start, T.End); Next(); }     // definite assignment `x!: T`

        if (Type == TokenType.LParen || (_ts && Type == TokenType.Lt))
        {
            // Method, accessor or constructor.
            var md = At(new MethodDefinition { Key = key, Computed = computed, Static = isStatic, MethodStart = methodStart }, m);
            FnKind fnKind = FnKind.Method;
            bool isCtor = !isStatic && staticName == "constructor" && key is not PrivateIdentifier;
            if (isCtor)
            {
                if (kind != MethodKind.Method) throw Error(keyTok.Start, "Class constructor may not be an accessor");
                if (isGenerator) throw Error(keyTok.Start, "Class constructor may not be a generator");
                if (isAsync) throw Error(keyTok.Start, "Class constructor may not be an async method");
                md.MethodKind = MethodKind.Constructor;
                fnKind = derived ? FnKind.DerivedConstructor : FnKind.ClassConstructor;
            }
            else md.MethodKind = kind;
            if (isStatic && staticName == "prototype") throw Error(keyTok.Start, "Classes may not have a static property named 'prototype'");
            var fn = ParseMethodFunction(fnKind, isAsync, isGenerator, kind);
            if (_ts && TsLastFunctionWasBodyless)
            {
                // Overload signature or abstract method: erased.
                TsBlank(m.Start, _lx.PrevEnd);
                return null;
            }
            if (isCtor)
            {
                if (sawConstructor) throw Error(keyTok.Start, "A class may only have one constructor");
                sawConstructor = true;
            }
            md.Value = fn;
            if (key is PrivateIdentifier pk) DeclarePrivate(pk, kind == MethodKind.Get ? "get" : kind == MethodKind.Set ? "set" : "method", isStatic);
            return Finish(md);
        }

        // Field definition (§15.7 FieldDefinition).
        if (isAsync || isGenerator || kind != MethodKind.Method) throw Unexpected("'('");
        if (staticName == "constructor") throw Error(keyTok.Start, "Classes may not have a field named 'constructor'");
        if (isStatic && staticName == "prototype") throw Error(keyTok.Start, "Classes may not have a static property named 'prototype'");
        var pd = At(new PropertyDefinition { Key = key, Computed = computed, Static = isStatic }, m);
        if (_ts && Type == TokenType.Colon) SkipTsTypeAnnotation();
        if (Type == TokenType.Eq)
        {
            Next();
            var outerFn = _fn;
            var outerScope = _scope;
            _fn = new FnCtx(outerFn, FnKind.FieldInit) { Strict = true };
            _scope = new Scope(outerScope, ScopeKind.Function);
            try
            {
                pd.Value = ParseAssignment();
                pd.Flags = _fn.Flags | FunctionFlags.Strict;
            }
            finally
            {
                _fn = outerFn;
                _scope = outerScope;
            }
        }
        if (key is PrivateIdentifier pk2) DeclarePrivate(pk2, "field", isStatic);
        Semicolon();
        if (_ts && (tsAbstract || _tsDeclareField)) { _tsDeclareField = false; TsBlank(m.Start, _lx.PrevEnd); return null; }
        return Finish(pd);
    }

    /// <summary>Duplicate private names are errors except one getter plus one setter of the same placement.</summary>
    private void DeclarePrivate(PrivateIdentifier key, string kind, bool isStatic)
    {
        var scope = _priv!;
        string entry = kind + (isStatic ? " static" : "");
        if (scope.Declared.TryGetValue(key.Name, out var prev))
        {
            bool pair = (prev == "get" + (isStatic ? " static" : "") && kind == "set")
                     || (prev == "set" + (isStatic ? " static" : "") && kind == "get");
            if (!pair) throw Error(key.Start, $"Identifier '#{key.Name}' has already been declared");
            scope.Declared[key.Name] = "accessor";
            return;
        }
        scope.Declared[key.Name] = entry;
    }

    /// <summary>ClassStaticBlock (§15.7.1): its own var scope; `await` and `arguments` are forbidden.</summary>
    private StaticBlock ParseStaticBlock(Mark m)
    {
        var sb = At(new StaticBlock(), m);
        var outerFn = _fn;
        var outerScope = _scope;
        _fn = new FnCtx(outerFn, FnKind.StaticBlock) { Strict = true };
        _scope = new Scope(outerScope, ScopeKind.StaticBlock);
        try
        {
            Expect(TokenType.LBrace);
            while (Type != TokenType.RBrace)
            {
                if (Type == TokenType.EOF) throw Unexpected("'}'");
                sb.Body.Add(ParseStatementListItem());
            }
            Next();
            sb.Flags = _fn.Flags | FunctionFlags.Strict;
            sb.Scope = ToInfo(_scope, always: true);
        }
        finally
        {
            _fn = outerFn;
            _scope = outerScope;
        }
        return Finish(sb);
    }
}
