using System.Runtime.CompilerServices;
using DualEngine.Syntax.Ast;
using DualEngine.Syntax.Lexing;

namespace DualEngine.Syntax.Parsing;

/// <summary>
/// Hand-written recursive-descent parser for ECMAScript 2024 scripts and modules (§16.1, §16.2),
/// with precedence climbing for binary operators and cover grammars for arrow parameters and
/// destructuring assignment. Early errors (§ "Static Semantics: Early Errors" of each production)
/// are reported as <see cref="JsSyntaxException"/>. Split into partial files by concern.
/// </summary>
public sealed partial class Parser
{
    private readonly Lexer _lx;
    private readonly ParserOptions _opt;
    private readonly bool _module;
    private readonly bool _ts;
    private FnCtx _fn = null!;
    private Scope _scope = null!;
    private int _depth;

    private Parser(string source, ParserOptions options, bool module)
    {
        _opt = options;
        _module = module;
        _ts = options.TypeScript;
        _lx = new Lexer(source, options.FileName) { IsModule = module, AnnexB = options.AnnexB, TypeScript = options.TypeScript };
    }

    /// <summary>Parses a Script (§16.1). Throws <see cref="JsSyntaxException"/> on any syntax or early error.</summary>
    public static Ast.Program ParseScript(string source, ParserOptions? options = null)
        => new Parser(source, options ?? ParserOptions.Default, module: false).ParseProgram();

    /// <summary>Parses a Module (§16.2); module code is always strict.</summary>
    public static Ast.Program ParseModule(string source, ParserOptions? options = null)
        => new Parser(source, options ?? ParserOptions.Default, module: true).ParseProgram();

    /// <summary>Parses a script or module depending on <paramref name="module"/>.</summary>
    public static Ast.Program Parse(string source, bool module, ParserOptions? options = null)
        => new Parser(source, options ?? ParserOptions.Default, module).ParseProgram();

    private Ast.Program ParseProgram()
    {
        var program = new Ast.Program
        {
            SourceType = _module ? SourceType.Module : SourceType.Script,
            FileName = _opt.FileName,
            SourceText = _lx.Source,
            Line = 1,
            Column = 1,
        };
        program.Hashbang = _lx.ReadHashbang();
        _fn = new FnCtx(null, FnKind.Program)
        {
            Strict = _module || _opt.Strict,
            AllowReturn = _opt.AllowReturnOutsideFunction,
            Async = _module, // top-level await (§16.2.1)
        };
        _scope = new Scope(null, _module ? ScopeKind.Module : ScopeKind.Script);
        if (_opt.Eval?.PrivateNames is { Count: > 0 } names)
        {
            // Eval code may use the private names of the classes around the eval call (§19.2.1.1 step 8).
            _priv = new PrivateScope();
            foreach (var n in names) _priv.Declared[n] = "field";
        }
        Next();
        ParseDirectivesAndBody(program.Body, TokenType.EOF, topLevel: true);
        if (_module) CheckModuleExports();
        if (_priv != null)
            foreach (var (name, pos) in _priv.Refs)
                if (!_priv.Declared.ContainsKey(name)) throw Error(pos, $"Private field '#{name}' must be declared in an enclosing class");
        program.Strict = _fn.Strict;
        program.Scope = ToInfo(_scope, always: true);
        program.Flags = _fn.Flags | (_fn.Strict ? FunctionFlags.Strict : 0);
        program.End = _lx.Source.Length;
        return program;
    }

    // ----- token helpers -------------------------------------------------------------------

    private ref Token T => ref _lx.Tok;
    private TokenType Type => _lx.Tok.Type;

    private void Next() => _lx.Next();

    private bool Eat(TokenType t)
    {
        if (Type != t) return false;
        Next();
        return true;
    }

    private void Expect(TokenType t)
    {
        if (Type != t) throw Unexpected(Describe(t));
        Next();
    }

    /// <summary>Inside a list: expects `,` unless the closing token follows (error names both).</summary>
    private void ExpectCommaOr(TokenType close)
    {
        if (Type == TokenType.Comma) { Next(); return; }
        if (Type != close) throw Unexpected($"',' or {Describe(close)}");
    }

    /// <summary>A contextual keyword such as `of`, `get`, `async`: must be written without escapes (§12.7.2).</summary>
    private bool IsContextual(string word) => Type == TokenType.Name && !T.Escaped && T.Value == word;

    private bool IsName(string word) => Type == TokenType.Name && T.Value == word;

    private bool EatContextual(string word)
    {
        if (!IsContextual(word)) return false;
        Next();
        return true;
    }

    private void ExpectContextual(string word)
    {
        if (!IsContextual(word)) throw Unexpected($"'{word}'");
        Next();
    }

    /// <summary>§12.10 Automatic Semicolon Insertion.</summary>
    private void Semicolon()
    {
        if (Type == TokenType.Semicolon) { Next(); return; }
        if (Type == TokenType.RBrace || Type == TokenType.EOF || T.NewlineBefore) return;
        throw Unexpected("';'");
    }

    private bool CanInsertSemicolon() => Type == TokenType.Semicolon || Type == TokenType.RBrace || Type == TokenType.EOF || T.NewlineBefore;

    /// <summary>Peeks the token after the current one without consuming anything.</summary>
    private Token PeekToken()
    {
        var s = _lx.Save();
        _lx.Next();
        var t = _lx.Tok;
        _lx.Restore(s);
        return t;
    }

    // ----- errors ----------------------------------------------------------------------------

    private JsSyntaxException Error(int offset, string message) => _lx.Error(offset, message);

    private JsSyntaxException Unexpected(string? expected = null)
    {
        string what = Type switch
        {
            TokenType.EOF => "Unexpected end of input",
            TokenType.Name => IsReservedWord(T.Value!) ? $"Unexpected token '{T.Value}'" : $"Unexpected identifier '{T.Value}'",
            TokenType.String => "Unexpected string",
            TokenType.Number or TokenType.BigInt => "Unexpected number",
            TokenType.Template => "Unexpected template string",
            TokenType.PrivateName => $"Unexpected identifier '#{T.Value}'",
            _ => $"Unexpected token '{_lx.Source.Substring(T.Start, Math.Min(T.End - T.Start, 20))}'",
        };
        if (expected != null) what += "; expected " + expected;
        return Error(T.Start, what);
    }

    private static string Describe(TokenType t) => t switch
    {
        TokenType.LParen => "'('", TokenType.RParen => "')'", TokenType.LBrace => "'{'", TokenType.RBrace => "'}'",
        TokenType.LBracket => "'['", TokenType.RBracket => "']'", TokenType.Semicolon => "';'", TokenType.Comma => "','",
        TokenType.Colon => "':'", TokenType.Arrow => "'=>'", TokenType.Eq => "'='", TokenType.Name => "an identifier",
        TokenType.String => "a string", TokenType.Dot => "'.'", TokenType.Gt => "'>'", TokenType.Lt => "'<'",
        _ => t.ToString(),
    };

    // ----- positions -------------------------------------------------------------------------

    private readonly record struct Mark(int Start, int Line, int Column);

    private Mark M() => new(T.Start, T.Line, T.Column);

    private static TNode At<TNode>(TNode node, Mark m) where TNode : Node
    {
        node.Start = m.Start;
        node.Line = m.Line;
        node.Column = m.Column;
        return node;
    }

    private static TNode At<TNode>(TNode node, Node from) where TNode : Node
    {
        node.Start = from.Start;
        node.Line = from.Line;
        node.Column = from.Column;
        return node;
    }

    private TNode Finish<TNode>(TNode node) where TNode : Node
    {
        node.End = _lx.PrevEnd;
        return node;
    }

    // ----- nesting guard ---------------------------------------------------------------------

    /// <summary>Refuses pathological nesting instead of overflowing the .NET stack.</summary>
    private void Enter()
    {
        if (++_depth > _opt.MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            // Fatal: speculative TypeScript parses must not swallow this and retry (that would be quadratic).
            _tooDeep = true;
            _depth--;
            throw Error(T.Start, "Code is too deeply nested");
        }
        if (_depth > _specLimit)
        {
            _depth--;
            throw Error(T.Start, "Type nested too deeply");
        }
    }

    private bool _tooDeep;

    /// <summary>
    /// Nesting allowed while speculating (TypeScript: is this `&lt;` a type argument list?). Exceeding it
    /// just fails the speculation, so `a &lt; b, c &lt; d, ...` stays linear and valid code keeps parsing.
    /// </summary>
    private int _specLimit = int.MaxValue;
    private const int SpeculationDepth = 64;

    /// <summary>Starts a speculative parse; returns the previous limit for <see cref="EndSpeculation"/>.</summary>
    private int BeginSpeculation()
    {
        int saved = _specLimit;
        _specLimit = Math.Min(saved, _depth + SpeculationDepth);
        _specDepth.Push(_depth);
        return saved;
    }

    /// <summary>Ends a speculation; also restores the nesting counter, which a failed parse may leave raised.</summary>
    private void EndSpeculation(int saved)
    {
        _specLimit = saved;
        _depth = _specDepth.Pop();
    }

    private readonly Stack<int> _specDepth = new();

    private void Leave() => _depth--;
}
