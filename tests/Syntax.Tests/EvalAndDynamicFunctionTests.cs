using DualEngine.Syntax.Ast;
using DualEngine.Syntax.Parsing;

namespace DualEngine.Syntax.Tests;

/// <summary>Parsing for direct eval (§19.2.1.1) and the Function constructors (§20.2.1.1.1).</summary>
public sealed class EvalAndDynamicFunctionTests
{
    private static Ast.Program Eval(string src, EvalContext ctx, bool strict = false)
        => Parser.ParseScript(src, new ParserOptions { Eval = ctx, Strict = strict });

    [Fact]
    public void Eval_context_decides_new_target_super_and_arguments()
    {
        Assert.Throws<JsSyntaxException>(() => Eval("new.target", new EvalContext()));
        Eval("new.target", new EvalContext { InFunction = true });
        Assert.Throws<JsSyntaxException>(() => Eval("super.x", new EvalContext { InFunction = true }));
        Eval("super.x", new EvalContext { InFunction = true, InMethod = true });
        Assert.Throws<JsSyntaxException>(() => Eval("super()", new EvalContext { InFunction = true, InMethod = true }));
        Eval("super()", new EvalContext { InFunction = true, InMethod = true, InDerivedConstructor = true });
        Assert.Throws<JsSyntaxException>(() => Eval("arguments", new EvalContext { InFunction = true, InClassFieldInitializer = true }));
        Assert.Throws<JsSyntaxException>(() => Eval("() => arguments", new EvalContext { InFunction = true, InClassFieldInitializer = true }));
        Eval("function g() { return arguments; }", new EvalContext { InFunction = true, InClassFieldInitializer = true });
    }

    [Fact]
    public void Eval_sees_private_names_of_enclosing_classes()
    {
        Eval("this.#x", new EvalContext { InFunction = true, InMethod = true, PrivateNames = new[] { "x" } });
        Assert.Throws<JsSyntaxException>(() => Eval("this.#y", new EvalContext { InFunction = true, PrivateNames = new[] { "x" } }));
        Assert.Throws<JsSyntaxException>(() => Eval("this.#x", new EvalContext { InFunction = true }));
    }

    [Fact]
    public void Strict_callers_make_strict_eval_code()
    {
        Assert.Throws<JsSyntaxException>(() => Eval("with (a) {}", new EvalContext(), strict: true));
        Eval("with (a) {}", new EvalContext());
    }

    [Fact]
    public void Function_constructor_parses_parameters_and_body_separately()
    {
        var f = Parser.ParseDynamicFunction("a, b = 1, ...c", "return a + b;", DynamicFunctionKind.Normal);
        Assert.Equal(3, f.Function.Params.Count);
        Assert.Equal("anonymous", f.Function.Id!.Name);
        Assert.StartsWith("function anonymous(a, b = 1, ...c\n) {\nreturn a + b;\n}", f.SourceText);
        Assert.False(f.Function.Strict);

        // Each piece must be valid alone, so comment/brace tricks fail.
        Assert.Throws<JsSyntaxException>(() => Parser.ParseDynamicFunction("/*", "*/){", DynamicFunctionKind.Normal));
        Assert.Throws<JsSyntaxException>(() => Parser.ParseDynamicFunction("a) { evil(); } (function(", "", DynamicFunctionKind.Normal));
        Assert.Throws<JsSyntaxException>(() => Parser.ParseDynamicFunction("", "}); evil(); ({", DynamicFunctionKind.Normal));
        Assert.Throws<JsSyntaxException>(() => Parser.ParseDynamicFunction("a = 1", "'use strict';", DynamicFunctionKind.Normal));
        Assert.Throws<JsSyntaxException>(() => Parser.ParseDynamicFunction("a, a", "'use strict';", DynamicFunctionKind.Normal));

        var gen = Parser.ParseDynamicFunction("x", "yield x;", DynamicFunctionKind.Generator);
        Assert.True(gen.Function.Generator);
        Assert.Throws<JsSyntaxException>(() => Parser.ParseDynamicFunction("yield", "", DynamicFunctionKind.Generator));
        var asyncGen = Parser.ParseDynamicFunction("", "await 1; yield 2;", DynamicFunctionKind.AsyncGenerator);
        Assert.True(asyncGen.Function.Async && asyncGen.Function.Generator);
        Assert.Throws<JsSyntaxException>(() => Parser.ParseDynamicFunction("a = await 1", "", DynamicFunctionKind.Async));
        var strict = Parser.ParseDynamicFunction("", "'use strict'; return this;", DynamicFunctionKind.Normal);
        Assert.True(strict.Function.Strict);
    }
}
