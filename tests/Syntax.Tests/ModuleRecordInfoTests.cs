using DualEngine.Syntax.Modules;
using DualEngine.Syntax.Parsing;

namespace DualEngine.Syntax.Tests;

public sealed class ModuleRecordInfoTests
{
    [Fact]
    public void Entries_follow_ParseModule()
    {
        var p = Parser.ParseModule("""
            import d, { a as b } from "./m.js";
            import * as ns from "./n.js";
            import data from "./d.json" with { type: "json" };
            import "./m.js";
            export { b as reexported, ns as nsExport, local };
            export * from "./star.js";
            export * as all from "./all.js";
            export { x as y } from "./ind.js";
            const [local] = [1];
            export const { other } = { other: 2 };
            export default function () {}
            await 0;
            """);
        var info = ModuleRecordInfo.From(p);
        Assert.Equal(new[] { "./m.js", "./n.js", "./d.json", "./star.js", "./all.js", "./ind.js" }, info.RequestedModules.Select(r => r.Specifier));
        Assert.Equal("json", info.RequestedModules[2].Type);
        Assert.Equal(4, info.ImportEntries.Count);
        Assert.True(info.ImportEntries.Single(i => i.LocalName == "ns").IsNamespace);
        // `b` is an imported binding: re-exporting it is an indirect export of ./m.js's `a`.
        var re = info.IndirectExportEntries.Single(e => e.ExportName == "reexported");
        Assert.Equal("./m.js", re.ModuleRequest!.Specifier);
        Assert.Equal("a", re.ImportName);
        // A re-exported namespace import is an indirect export of the whole namespace, like `export * as` (ES2025 ParseModule 10.a.ii.2),
        // so two modules re-exporting the same namespace this way do not conflict.
        Assert.Contains(info.IndirectExportEntries, e => e.ExportName == "nsExport" && e.ImportName == ModuleRecordInfo.All && e.LocalName == null);
        Assert.Contains(info.LocalExportEntries, e => e.ExportName == "default" && e.LocalName == ModuleRecordInfo.DefaultLocalName);
        Assert.Contains(info.LocalExportEntries, e => e.ExportName == "other");
        Assert.Single(info.StarExportEntries);
        Assert.Contains(info.IndirectExportEntries, e => e.ExportName == "all" && e.ImportName == ModuleRecordInfo.All);
        Assert.Contains(info.IndirectExportEntries, e => e.ExportName == "y" && e.ImportName == "x");
        Assert.True(info.HasTopLevelAwait);
    }
}
