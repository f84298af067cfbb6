using DualEngine.Syntax.Ast;

namespace DualEngine.Syntax.Modules;

/// <summary>A module specifier with its import attributes (§16.2.1.3 ModuleRequest Records).</summary>
public sealed record ModuleRequest(string Specifier, IReadOnlyList<KeyValuePair<string, string>> Attributes)
{
    public bool Equals(ModuleRequest? other)
        => other != null && other.Specifier == Specifier && other.Attributes.Count == Attributes.Count
           && Attributes.All(a => other.Attributes.Any(b => b.Key == a.Key && b.Value == a.Value));

    public override int GetHashCode() => Specifier.GetHashCode();

    /// <summary>The `type` attribute (e.g. "json"), or null.</summary>
    public string? Type => Attributes.FirstOrDefault(a => a.Key == "type").Value;
}

/// <summary>§16.2.1.6 ImportEntry Record. ImportName is null for `import * as ns` (namespace-object).</summary>
public sealed record ImportEntry(ModuleRequest ModuleRequest, string? ImportName, string LocalName)
{
    public bool IsNamespace => ImportName == null;
}

/// <summary>
/// §16.2.1.6 ExportEntry Record. ImportName: null = none, "*" = all (export * as ns), "*all-but-default*"
/// for `export * from`. LocalName "*default*" is the hidden binding of `export default expr`.
/// </summary>
public sealed record ExportEntry(string? ExportName, ModuleRequest? ModuleRequest, string? ImportName, string? LocalName);

/// <summary>
/// The static module record fields a linker needs, computed exactly as §16.2.1.6.1 ParseModule
/// does: requested modules in source order, import entries, and export entries split into local,
/// indirect (re-exports, including re-exported imports) and star exports.
/// </summary>
public sealed class ModuleRecordInfo
{
    public const string AllButDefault = "*all-but-default*";
    public const string All = "*";
    public const string DefaultLocalName = "*default*";

    public List<ModuleRequest> RequestedModules { get; } = new();
    public List<ImportEntry> ImportEntries { get; } = new();
    public List<ExportEntry> LocalExportEntries { get; } = new();
    public List<ExportEntry> IndirectExportEntries { get; } = new();
    public List<ExportEntry> StarExportEntries { get; } = new();
    /// <summary>The module body contains top-level await (§16.2.1.6 [[HasTLA]]).</summary>
    public bool HasTopLevelAwait { get; private set; }

    public static ModuleRecordInfo From(Ast.Program module)
    {
        if (module.SourceType != SourceType.Module) throw new ArgumentException("not a module", nameof(module));
        var info = new ModuleRecordInfo { HasTopLevelAwait = (module.Flags & FunctionFlags.UsesTopLevelAwait) != 0 };
        var exports = new List<ExportEntry>();
        foreach (var st in module.Body)
        {
            switch (st)
            {
                case ImportDeclaration imp:
                {
                    var req = info.Request(imp.Source, imp.Attributes);
                    foreach (var s in imp.Specifiers)
                    {
                        info.ImportEntries.Add(s switch
                        {
                            ImportDefaultSpecifier d => new ImportEntry(req, "default", d.Local.Name),
                            ImportNamespaceSpecifier n => new ImportEntry(req, null, n.Local.Name),
                            ImportSpecifier i => new ImportEntry(req, ModuleNames.NameOf(i.Imported), i.Local.Name),
                            _ => throw new InvalidOperationException(),
                        });
                    }
                    break;
                }
                case ExportAllDeclaration all:
                {
                    var req = info.Request(all.Source, all.Attributes);
                    exports.Add(all.Exported == null
                        ? new ExportEntry(null, req, AllButDefault, null)
                        : new ExportEntry(ModuleNames.NameOf(all.Exported), req, All, null));
                    break;
                }
                case ExportNamedDeclaration named:
                {
                    if (named.Source != null)
                    {
                        var req = info.Request(named.Source, named.Attributes);
                        foreach (var s in named.Specifiers)
                            exports.Add(new ExportEntry(ModuleNames.NameOf(s.Exported), req, ModuleNames.NameOf(s.Local), null));
                    }
                    else if (named.Declaration != null)
                    {
                        foreach (var name in DeclaredNames(named.Declaration))
                            exports.Add(new ExportEntry(name, null, null, name));
                    }
                    else
                    {
                        foreach (var s in named.Specifiers)
                            exports.Add(new ExportEntry(ModuleNames.NameOf(s.Exported), null, null, ModuleNames.NameOf(s.Local)));
                    }
                    break;
                }
                case ExportDefaultDeclaration def:
                {
                    string local = def.Declaration switch
                    {
                        FunctionDeclaration { Id: not null } f => f.Id.Name,
                        ClassDeclaration { Id: not null } c => c.Id.Name,
                        _ => DefaultLocalName,
                    };
                    exports.Add(new ExportEntry("default", null, null, local));
                    break;
                }
            }
        }
        // §16.2.1.6.1 ParseModule steps 10-11: classify export entries.
        var importsByLocal = new Dictionary<string, ImportEntry>();
        foreach (var ie0 in info.ImportEntries) importsByLocal.TryAdd(ie0.LocalName, ie0);
        foreach (var ee in exports)
        {
            if (ee.ModuleRequest == null)
            {
                importsByLocal.TryGetValue(ee.LocalName ?? "", out var ie);
                if (ie == null) info.LocalExportEntries.Add(ee);
                // Re-export of an imported namespace object: like `export * as name from` (step 10.a.ii.2).
                else if (ie.IsNamespace) info.IndirectExportEntries.Add(new ExportEntry(ee.ExportName, ie.ModuleRequest, All, null));
                else info.IndirectExportEntries.Add(new ExportEntry(ee.ExportName, ie.ModuleRequest, ie.ImportName, null));
            }
            else if (ee.ImportName == AllButDefault) info.StarExportEntries.Add(ee);
            else info.IndirectExportEntries.Add(ee);
        }
        return info;
    }

    private readonly Dictionary<ModuleRequest, ModuleRequest> _requests = new();

    private ModuleRequest Request(Literal source, List<ImportAttribute> attributes)
    {
        var req = new ModuleRequest(source.StringValue ?? "",
            attributes.Select(a => new KeyValuePair<string, string>(a.KeyName, a.Value.StringValue ?? "")).ToList());
        if (_requests.TryGetValue(req, out var existing)) return existing;
        _requests[req] = req;
        RequestedModules.Add(req);
        return req;
    }

    private static IEnumerable<string> DeclaredNames(Declaration d)
    {
        switch (d)
        {
            case FunctionDeclaration { Id: not null } f: yield return f.Id.Name; break;
            case ClassDeclaration { Id: not null } c: yield return c.Id.Name; break;
            case VariableDeclaration v:
                foreach (var decl in v.Declarations)
                    foreach (var n in PatternNames(decl.Id)) yield return n;
                break;
        }
    }

    private static IEnumerable<string> PatternNames(Node? n)
    {
        switch (n)
        {
            case Identifier id: yield return id.Name; break;
            case ObjectPattern op:
                foreach (var p in op.Properties)
                    foreach (var x in PatternNames(p is Property pr ? pr.Value : ((RestElement)p).Argument)) yield return x;
                break;
            case ArrayPattern ap:
                foreach (var e in ap.Elements)
                    foreach (var x in PatternNames(e)) yield return x;
                break;
            case RestElement r: foreach (var x in PatternNames(r.Argument)) yield return x; break;
            case AssignmentPattern a: foreach (var x in PatternNames(a.Left)) yield return x; break;
        }
    }
}
