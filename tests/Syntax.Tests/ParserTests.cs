using DualEngine.Syntax.Ast;
using DualEngine.Syntax.Parsing;

namespace DualEngine.Syntax.Tests;

/// <summary>Shape checks of the tree the compiler consumes, plus error reporting.</summary>
public sealed class ParserTests
{
    private static Ast.Program Script(string s) => Parser.ParseScript(s, new ParserOptions { FileName = "t.js" });
    private static Ast.Program Module(string s) => Parser.ParseModule(s, new ParserOptions { FileName = "t.mjs" });
    private static Expression Expr(string s) => ((ExpressionStatement)Script(s).Body[0]).Expression;

    [Fact]
    public void Binary_precedence_and_associativity()
    {
        var e = (BinaryExpression)Expr("a + b * c ** d ** e");
        Assert.Equal(BinaryOperator.Plus, e.Operator);
        var mul = (BinaryExpression)e.Right;
        Assert.Equal(BinaryOperator.Multiply, mul.Operator);
        var pow = (BinaryExpression)mul.Right;
        Assert.Equal(BinaryOperator.Exponent, pow.Operator);
        Assert.IsType<BinaryExpression>(pow.Right); // right-associative
    }

    [Fact]
    public void Optional_chain_is_wrapped_in_ChainExpression()
    {
        var chain = Assert.IsType<ChainExpression>(Expr("a?.b.c()"));
        var call = Assert.IsType<CallExpression>(chain.Expression);
        var member = Assert.IsType<MemberExpression>(call.Callee);
        Assert.False(member.Optional);
        Assert.True(((MemberExpression)member.Object).Optional);
    }

    [Fact]
    public void Destructuring_assignment_becomes_patterns()
    {
        var asg = (AssignmentExpression)Expr("({a, b: [c = 1, ...d], ...e} = obj)");
        var op = Assert.IsType<ObjectPattern>(asg.Left);
        Assert.Equal(3, op.Properties.Count);
        var inner = Assert.IsType<ArrayPattern>(((Property)op.Properties[1]).Value);
        Assert.IsType<AssignmentPattern>(inner.Elements[0]);
        Assert.IsType<RestElement>(inner.Elements[1]);
        Assert.IsType<RestElement>(op.Properties[2]);
    }

    [Fact]
    public void Arrow_functions_from_cover_grammar()
    {
        var arrow = Assert.IsType<ArrowFunctionExpression>(Expr("async ({a}, [b] = [], ...c) => a"));
        Assert.True(arrow.Async);
        Assert.True(arrow.ExpressionBody);
        Assert.Equal(3, arrow.Params.Count);
        Assert.IsType<ObjectPattern>(arrow.Params[0]);
        Assert.IsType<AssignmentPattern>(arrow.Params[1]);
        Assert.IsType<RestElement>(arrow.Params[2]);
    }

    [Fact]
    public void Templates_keep_cooked_and_raw()
    {
        var t = (TaggedTemplateExpression)Expr("tag`a\\n${x}\\u{41}`");
        Assert.Equal("a\n", t.Quasi.Quasis[0].Cooked);
        Assert.Equal("a\\n", t.Quasi.Quasis[0].Raw);
        Assert.Equal("A", t.Quasi.Quasis[1].Cooked);
        Assert.True(t.Quasi.Quasis[1].Tail);
        var bad = (TaggedTemplateExpression)Expr("tag`\\unicode`");
        Assert.Null(bad.Quasi.Quasis[0].Cooked);
    }

    [Fact]
    public void Literals_regexp_bigint_numbers()
    {
        var re = (Literal)Expr("/a[/]b/giu");
        Assert.Equal(LiteralKind.RegExp, re.LiteralKind);
        Assert.Equal("a[/]b", re.Regex!.Pattern);
        Assert.Equal("giu", re.Regex.Flags);
        Assert.Equal(255, (int)((Literal)Expr("0xFFn")).BigIntValue);
        Assert.Equal(1000000.5, ((Literal)Expr("1_000_000.5")).NumberValue);
        Assert.Equal(8, ((Literal)Expr("010")).NumberValue);
        var div = (BinaryExpression)Expr("a / b / c");
        Assert.Equal(BinaryOperator.Divide, div.Operator);
    }

    [Theory]
    [InlineData("0x1FFFFFFFFFFFFF", 9007199254740991.0)]
    [InlineData("0x20000000000003", 9007199254740996.0)]
    [InlineData("0x20000000000001", 9007199254740992.0)]
    [InlineData("0b11111111111111111111111111111111111111111111111111111111", 72057594037927936.0)]
    [InlineData("0o1777777777777777777777", 18446744073709551616.0)]
    [InlineData("9007199254740995", 9007199254740996.0)]
    public void Numeric_literals_round_to_nearest_even(string src, double expected)
    {
        Assert.Equal(expected, ((Literal)Expr(src)).NumberValue);
    }

    [Fact]
    public void Classes_with_private_names_static_blocks_and_accessors()
    {
        var cls = (ClassDeclaration)Script("class A extends B { #x = 1; static #y; get z() { return this.#x; } set z(v) {} static { this.#y = super.q; } constructor() { super(); } static async *gen() {} }").Body[0];
        var body = cls.Body.Body;
        Assert.IsType<PropertyDefinition>(body[0]);
        Assert.IsType<PrivateIdentifier>(((PropertyDefinition)body[0]).Key);
        Assert.Equal(MethodKind.Get, ((MethodDefinition)body[2]).MethodKind);
        Assert.IsType<StaticBlock>(body[4]);
        var ctor = (MethodDefinition)body[5];
        Assert.Equal(MethodKind.Constructor, ctor.MethodKind);
        Assert.True((ctor.Value.Flags & FunctionFlags.UsesSuperCall) != 0);
        var gen = (MethodDefinition)body[6];
        Assert.True(gen.Static && gen.Value.Async && gen.Value.Generator);
    }

    [Fact]
    public void Function_flags_record_usage()
    {
        var f = (FunctionDeclaration)Script("function f(a = 1) { 'use strict'; }".Replace("a = 1", "a")).Body[0];
        Assert.True(f.Strict);
        var g = (FunctionDeclaration)Script("function g() { return () => this + arguments.length + eval('1'); }").Body[0];
        Assert.True((g.Flags & FunctionFlags.UsesThis) != 0);
        Assert.True((g.Flags & FunctionFlags.UsesArguments) != 0);
        Assert.True((g.Flags & FunctionFlags.UsesEval) != 0);
        Assert.False(g.Strict);
    }

    [Fact]
    public void Module_imports_and_exports_of_all_forms()
    {
        var p = Module("""
            import d, * as ns from "a";
            import { x as y, "s t" as z, default as w } from "b" with { type: "json" };
            import j from "c.json" assert { type: "json" };
            export * as n2 from "d";
            export * from "e";
            export { y as "q r", z };
            export default class {}
            export const c = 1, { k } = {};
            const m = import.meta; import("x", { with: {} });
            """);
        Assert.IsType<ImportNamespaceSpecifier>(((ImportDeclaration)p.Body[0]).Specifiers[1]);
        var b = (ImportDeclaration)p.Body[1];
        Assert.Equal("json", b.Attributes[0].Value.StringValue);
        Assert.True(((ImportDeclaration)p.Body[2]).LegacyAssert);
        Assert.Equal("n2", ModuleNames.NameOf(((ExportAllDeclaration)p.Body[3]).Exported!));
        Assert.True(p.Strict);
    }

    [Fact]
    public void Positions_are_one_based_lines_and_columns()
    {
        var p = Script("let a;\n  foo(1);");
        var stmt = p.Body[1];
        Assert.Equal(2, stmt.Line);
        Assert.Equal(3, stmt.Column);
        Assert.Equal(9, stmt.Start);
        Assert.Equal(16, stmt.End);
    }

    [Fact]
    public void Scope_info_lists_declarations_and_annex_b_functions()
    {
        var p = Script("var a; let b; function f(x) { var y; { let z; function g() {} } { function h() {} } let h2; { function x() {} } } class C {}");
        Assert.Equal(BindingKind.Var, p.Scope!.Declarations["a"]);
        Assert.Equal(BindingKind.Let, p.Scope.Declarations["b"]);
        Assert.Equal(BindingKind.Function, p.Scope.Declarations["f"]);
        Assert.Equal(BindingKind.Class, p.Scope.Declarations["C"]);
        var f = (FunctionDeclaration)p.Body[2];
        Assert.Equal(BindingKind.Parameter, f.Scope!.Declarations["x"]);
        Assert.Equal(BindingKind.Var, f.Scope.Declarations["y"]);
        Assert.Equal(BindingKind.Let, f.Scope.Declarations["h2"]);
        // g and h are hoisted (Annex B.3.3); x is a parameter name, so it is not.
        Assert.Equal(new[] { "g", "h" }, f.Scope.AnnexBFunctions);
        var block = (BlockStatement)f.Body.Body[1];
        Assert.Equal(BindingKind.Let, block.Scope!.Declarations["z"]);
        Assert.Equal(BindingKind.Function, block.Scope.Declarations["g"]);

        var strict = Script("'use strict'; { function q() {} }");
        Assert.Empty(strict.Scope!.AnnexBFunctions);
        var blocked = Script("{ function q() {} } let q;");
        Assert.Empty(blocked.Scope!.AnnexBFunctions);
        var forOf = (ForOfStatement)Script("for (const [k, v] of m) ;").Body[0];
        Assert.Equal(BindingKind.Const, forOf.Scope!.Declarations["v"]);
        var mod = Module("import a from 'x'; export function e() {}");
        Assert.Equal(BindingKind.Import, mod.Scope!.Declarations["a"]);
        Assert.Equal(BindingKind.Function, mod.Scope.Declarations["e"]);
    }

    [Fact]
    public void Hashbang_is_recorded()
    {
        var p = Script("#!/usr/bin/env node\n1");
        Assert.Equal("/usr/bin/env node", p.Hashbang);
    }

    [Theory]
    [InlineData("f(1;", 1, 4, "Unexpected token ';'; expected ',' or ')'")]
    [InlineData("if (a { }", 1, 7, "Unexpected token '{'; expected ')'")]
    [InlineData("var a = ;", 1, 9, "Unexpected token ';'")]
    [InlineData("x = {a: 1 b: 2}", 1, 11, "Unexpected identifier 'b'; expected ',' or '}'")]
    [InlineData("let x;\nlet x;", 2, 5, "Identifier 'x' has already been declared")]
    [InlineData("'use strict'; with (a) {}", 1, 15, "Strict mode code may not include a with statement")]
    [InlineData("break foo;", 1, 7, "Undefined label 'foo'")]
    [InlineData("({a = 1});", 1, 5, "Invalid shorthand property initializer")]
    [InlineData("return 1", 1, 1, "Illegal return statement")]
    [InlineData("class A { m() { super(); } }", 1, 17, "'super' keyword unexpected here")]
    [InlineData("new.target", 1, 1, "new.target expression is not allowed here")]
    [InlineData("/a/gg", 1, 1, "Invalid regular expression: /a/gg: Invalid flags")]
    public void Errors_have_positions_and_readable_messages(string src, int line, int col, string message)
    {
        var e = Assert.Throws<JsSyntaxException>(() => Script(src));
        Assert.Equal(line, e.Line);
        Assert.Equal(col, e.Column);
        Assert.Equal(message, e.Description);
        Assert.Equal("t.js", e.FileName);
        Assert.StartsWith($"t.js:{line}:{col}: SyntaxError: ", e.Message);
    }

    [Theory]
    [InlineData("/(?<a>x)|(?<a>y)/", true)]
    [InlineData("/(?<a>x)(?<a>y)/", false)]
    [InlineData("/(?:(?<a>x)|(?<a>y))(?<a>z)/", false)]
    [InlineData("/(?:(?<a>x)|(?<a>y))|(?<a>z)/", true)]
    [InlineData("/(?<a>(?<a>x)|y)/", false)]
    [InlineData("/((?<a>x)|(?<a>y))\\k<a>/u", true)]
    [InlineData("/\\k<b>(?<a>x)/u", false)]
    [InlineData("/[\\p{RGI_Emoji}--\\q{x}]/v", true)]
    [InlineData("/[^\\p{RGI_Emoji}]/v", false)]
    [InlineData("/(?i-m:a)/", true)]
    [InlineData("/(?i-i:a)/", false)]
    public void Regular_expression_early_errors(string src, bool valid)
    {
        if (valid) Script(src);
        else Assert.Throws<JsSyntaxException>(() => Script(src));
    }

    [Theory]
    [InlineData("export { x };")]
    [InlineData("export let a; export var a;")]
    [InlineData("export default 1; export default 2;")]
    [InlineData("await: 1")]
    public void Module_early_errors(string src)
    {
        Assert.Throws<JsSyntaxException>(() => Module(src));
    }

    [Fact]
    public void Every_node_kind_is_visited_by_AstChildren()
    {
        var p = Module("label: for (const x of [1, ...y]) { if (x) continue label; else break; }  switch (a) { case 1: default: } try { throw 1 } catch { } finally { } do ; while (0)");
        int count = 0;
        void Walk(Node n) { count++; foreach (var c in AstChildren.Of(n)) Walk(c); }
        Walk(p);
        Assert.True(count > 20);
    }
}
