using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NvTrap.Compiler.Pipeline;

/// <summary>
/// The Roslyn face of every rule diagnostic. Written out with constant arguments so the
/// analyzer release tracking (AnalyzerReleases.*.md) can check them; a test holds this list equal
/// to the compiler core's <see cref="Diagnostics.Descriptors"/>.
/// </summary>
internal static class RoslynDescriptors
{

    private static readonly DiagnosticDescriptor NVT001 = new("NVT001", "YAML syntax error", "{0}", "NvTrap.Yaml", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT002 = new("NVT002", "Unknown key", "{0}", "NvTrap.Yaml", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT003 = new("NVT003", "Wrong value type", "{0}", "NvTrap.Yaml", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT004 = new("NVT004", "Duplicate definition", "{0}", "NvTrap.Yaml", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT005 = new("NVT005", "Missing required key", "{0}", "NvTrap.Yaml", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT006 = new("NVT006", "Unsupported YAML feature", "{0}", "NvTrap.Yaml", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT007 = new("NVT007", "Rule file exceeds a limit", "{0}", "NvTrap.Yaml", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT008 = new("NVT008", "Invalid name", "{0}", "NvTrap.Yaml", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT009 = new("NVT009", "Conflicting keys", "{0}", "NvTrap.Yaml", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT010 = new("NVT010", "Unknown register", "{0}", "NvTrap.Names", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT011 = new("NVT011", "Unknown field", "{0}", "NvTrap.Names", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT012 = new("NVT012", "Unknown group", "{0}", "NvTrap.Names", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT013 = new("NVT013", "Unknown system register", "{0}", "NvTrap.Names", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT014 = new("NVT014", "Unknown fine-grained group", "{0}", "NvTrap.Names", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT020 = new("NVT020", "Encoding field out of range", "{0}", "NvTrap.Encodings", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT021 = new("NVT021", "Encoding range starts after its end", "{0}", "NvTrap.Encodings", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT022 = new("NVT022", "Malformed encoding", "{0}", "NvTrap.Encodings", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT023 = new("NVT023", "Encoding given two coarse groups", "{0}", "NvTrap.Encodings", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT024 = new("NVT024", "Encoding given two fine-grained entries", "{0}", "NvTrap.Encodings", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT025 = new("NVT025", "Invalid family index range", "{0}", "NvTrap.Encodings", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT030 = new("NVT030", "Combination contains a combination", "{0}", "NvTrap.Groups", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT031 = new("NVT031", "Empty combination", "{0}", "NvTrap.Groups", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT032 = new("NVT032", "Combination member not defined", "{0}", "NvTrap.Groups", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT040 = new("NVT040", "Too many groups for the 10-bit group field", "{0}", "NvTrap.Packing", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT041 = new("NVT041", "Too many fine-grained groups for the 4-bit field", "{0}", "NvTrap.Packing", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT042 = new("NVT042", "Packed trap config overflows its layout", "{0}", "NvTrap.Packing", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT043 = new("NVT043", "Too many control registers", "{0}", "NvTrap.Packing", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT044 = new("NVT044", "No perfect hash found", "{0}", "NvTrap.Packing", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT050 = new("NVT050", "Control value has bits outside its mask", "{0}", "NvTrap.Controls", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT051 = new("NVT051", "Control mask is empty", "{0}", "NvTrap.Controls", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT052 = new("NVT052", "Fine-grained bit outside 0..63", "{0}", "NvTrap.Controls", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT053 = new("NVT053", "Fine-grained bit is RES0", "{0}", "NvTrap.Controls", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT054 = new("NVT054", "Invalid polarity", "{0}", "NvTrap.Controls", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT055 = new("NVT055", "Invalid behaviour", "{0}", "NvTrap.Controls", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT056 = new("NVT056", "Invalid bit position", "{0}", "NvTrap.Controls", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT060 = new("NVT060", "Expression syntax error", "{0}", "NvTrap.Expressions", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT061 = new("NVT061", "Unknown name in expression", "{0}", "NvTrap.Expressions", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT062 = new("NVT062", "Bit index out of range in expression", "{0}", "NvTrap.Expressions", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT063 = new("NVT063", "Wrong function or arity in expression", "{0}", "NvTrap.Expressions", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT070 = new("NVT070", "Group never used", "{0}", "NvTrap.Usage", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT071 = new("NVT071", "Trap on an encoding the catalogue does not name", "{0}", "NvTrap.Usage", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT080 = new("NVT080", "Ruleset not found", "{0}", "NvTrap.Generator", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT081 = new("NVT081", "Invalid ruleset target class", "{0}", "NvTrap.Generator", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT082 = new("NVT082", "C# condition cannot be interpreted", "{0}", "NvTrap.Generator", DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor NVT090 = new("NVT090", "Internal error in the NvTrap generator", "{0}", "NvTrap.Generator", DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly IReadOnlyList<DiagnosticDescriptor> All = new[]
    {
        NVT001,
        NVT002,
        NVT003,
        NVT004,
        NVT005,
        NVT006,
        NVT007,
        NVT008,
        NVT009,
        NVT010,
        NVT011,
        NVT012,
        NVT013,
        NVT014,
        NVT020,
        NVT021,
        NVT022,
        NVT023,
        NVT024,
        NVT025,
        NVT030,
        NVT031,
        NVT032,
        NVT040,
        NVT041,
        NVT042,
        NVT043,
        NVT044,
        NVT050,
        NVT051,
        NVT052,
        NVT053,
        NVT054,
        NVT055,
        NVT056,
        NVT060,
        NVT061,
        NVT062,
        NVT063,
        NVT070,
        NVT071,
        NVT080,
        NVT081,
        NVT082,
        NVT090,
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor For(string id) => ById[id];
}
