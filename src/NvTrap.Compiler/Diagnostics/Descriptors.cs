using System.Collections.Generic;

namespace NvTrap.Compiler.Diagnostics;

/// <summary>
/// Every diagnostic the rule compiler can report. Each check has its own id so users can find
/// its page in docs/diagnostics and suppress or escalate it individually.
/// </summary>
internal static class Descriptors
{
    private const string Yaml = "NvTrap.Yaml";
    private const string Names = "NvTrap.Names";
    private const string Encodings = "NvTrap.Encodings";
    private const string Groups = "NvTrap.Groups";
    private const string Packing = "NvTrap.Packing";
    private const string Controls = "NvTrap.Controls";
    private const string Expressions = "NvTrap.Expressions";
    private const string Usage = "NvTrap.Usage";
    private const string Coverage = "NvTrap.Coverage";
    private const string Generator = "NvTrap.Generator";
    private const string VmProfile = "NvTrap.VmProfile";

    // YAML shape
    public static readonly RuleDiagnosticDescriptor YamlSyntax = new("NVT001", "YAML syntax error", RuleSeverity.Error, Yaml);
    public static readonly RuleDiagnosticDescriptor UnknownKey = new("NVT002", "Unknown key", RuleSeverity.Error, Yaml);
    public static readonly RuleDiagnosticDescriptor WrongValueType = new("NVT003", "Wrong value type", RuleSeverity.Error, Yaml);
    public static readonly RuleDiagnosticDescriptor DuplicateDefinition = new("NVT004", "Duplicate definition", RuleSeverity.Error, Yaml);
    public static readonly RuleDiagnosticDescriptor MissingKey = new("NVT005", "Missing required key", RuleSeverity.Error, Yaml);
    public static readonly RuleDiagnosticDescriptor UnsupportedYaml = new("NVT006", "Unsupported YAML feature", RuleSeverity.Error, Yaml);
    public static readonly RuleDiagnosticDescriptor LimitExceeded = new("NVT007", "Rule file exceeds a limit", RuleSeverity.Error, Yaml);
    public static readonly RuleDiagnosticDescriptor InvalidName = new("NVT008", "Invalid name", RuleSeverity.Error, Yaml);
    public static readonly RuleDiagnosticDescriptor ConflictingKeys = new("NVT009", "Conflicting keys", RuleSeverity.Error, Yaml);

    // Names
    public static readonly RuleDiagnosticDescriptor UnknownRegister = new("NVT010", "Unknown register", RuleSeverity.Error, Names);
    public static readonly RuleDiagnosticDescriptor UnknownField = new("NVT011", "Unknown field", RuleSeverity.Error, Names);
    public static readonly RuleDiagnosticDescriptor UnknownGroup = new("NVT012", "Unknown group", RuleSeverity.Error, Names);
    public static readonly RuleDiagnosticDescriptor UnknownSysReg = new("NVT013", "Unknown system register", RuleSeverity.Error, Names);
    public static readonly RuleDiagnosticDescriptor UnknownFineGrainedGroup = new("NVT014", "Unknown fine-grained group", RuleSeverity.Error, Names);
    public static readonly RuleDiagnosticDescriptor UnknownFilter = new("NVT015", "Unknown filter", RuleSeverity.Error, Names);
    public static readonly RuleDiagnosticDescriptor NameTakenByGeneratedCode = new("NVT016", "Name taken by generated code", RuleSeverity.Error, Names);

    // Encodings
    public static readonly RuleDiagnosticDescriptor EncodingFieldOutOfRange = new("NVT020", "Encoding field out of range", RuleSeverity.Error, Encodings);
    public static readonly RuleDiagnosticDescriptor RangeReversed = new("NVT021", "Encoding range starts after its end", RuleSeverity.Error, Encodings);
    public static readonly RuleDiagnosticDescriptor MalformedEncoding = new("NVT022", "Malformed encoding", RuleSeverity.Error, Encodings);
    public static readonly RuleDiagnosticDescriptor CoarseOverlap = new("NVT023", "Encoding given two coarse groups", RuleSeverity.Error, Encodings);
    public static readonly RuleDiagnosticDescriptor FineGrainedOverlap = new("NVT024", "Encoding given two fine-grained entries", RuleSeverity.Error, Encodings);
    public static readonly RuleDiagnosticDescriptor FamilyRange = new("NVT025", "Invalid range", RuleSeverity.Error, Encodings);
    public static readonly RuleDiagnosticDescriptor CatalogueAliasCycle = new("NVT026", "Catalogue aliases form a cycle", RuleSeverity.Error, Encodings);

    // Groups
    public static readonly RuleDiagnosticDescriptor RecursiveCombination = new("NVT030", "Combination contains a combination", RuleSeverity.Error, Groups);
    public static readonly RuleDiagnosticDescriptor EmptyCombination = new("NVT031", "Empty combination", RuleSeverity.Error, Groups);
    public static readonly RuleDiagnosticDescriptor MissingMember = new("NVT032", "Combination member not defined", RuleSeverity.Error, Groups);

    // Packing into the kernel's trap-config layout
    public static readonly RuleDiagnosticDescriptor TooManyGroups = new("NVT040", "Too many groups for the 10-bit group field", RuleSeverity.Error, Packing);
    public static readonly RuleDiagnosticDescriptor TooManyFineGrainedGroups = new("NVT041", "Too many fine-grained groups for the 4-bit field", RuleSeverity.Error, Packing);
    public static readonly RuleDiagnosticDescriptor PackedConfigInvalid = new("NVT042", "Packed trap config overflows its layout", RuleSeverity.Error, Packing);
    public static readonly RuleDiagnosticDescriptor TooManyRegisters = new("NVT043", "Too many control registers", RuleSeverity.Error, Packing);
    public static readonly RuleDiagnosticDescriptor PerfectHashFailed = new("NVT044", "No perfect hash found", RuleSeverity.Error, Packing);
    public static readonly RuleDiagnosticDescriptor TooManyFilters = new("NVT045", "Too many filters for the 5-bit filter field", RuleSeverity.Error, Packing);
    public static readonly RuleDiagnosticDescriptor TooManyParameters = new("NVT046", "Too many parameters", RuleSeverity.Error, Packing);

    // Controls, fields and fine-grained bits
    public static readonly RuleDiagnosticDescriptor ValueOutsideMask = new("NVT050", "Control value has bits outside its mask", RuleSeverity.Error, Controls);
    public static readonly RuleDiagnosticDescriptor EmptyMask = new("NVT051", "Control mask is empty", RuleSeverity.Error, Controls);
    public static readonly RuleDiagnosticDescriptor FineGrainedBitOutOfRange = new("NVT052", "Fine-grained bit outside 0..63", RuleSeverity.Error, Controls);
    public static readonly RuleDiagnosticDescriptor FineGrainedBitRes0 = new("NVT053", "Fine-grained bit is reserved", RuleSeverity.Error, Controls);
    public static readonly RuleDiagnosticDescriptor InvalidPolarity = new("NVT054", "Invalid polarity", RuleSeverity.Error, Controls);
    public static readonly RuleDiagnosticDescriptor InvalidBehaviour = new("NVT055", "Invalid behaviour", RuleSeverity.Error, Controls);
    public static readonly RuleDiagnosticDescriptor InvalidBitPosition = new("NVT056", "Invalid bit position", RuleSeverity.Error, Controls);
    public static readonly RuleDiagnosticDescriptor ReservedBitsOverlap = new("NVT057", "Bit is both RES0 and RES1", RuleSeverity.Error, Controls);
    public static readonly RuleDiagnosticDescriptor BothPolarities = new("NVT058", "Fine-grained bit given both polarities", RuleSeverity.Error, Controls);

    // Expressions
    public static readonly RuleDiagnosticDescriptor ExpressionSyntax = new("NVT060", "Expression syntax error", RuleSeverity.Error, Expressions);
    public static readonly RuleDiagnosticDescriptor ExpressionUnknownName = new("NVT061", "Unknown name in expression", RuleSeverity.Error, Expressions);
    public static readonly RuleDiagnosticDescriptor ExpressionBitIndex = new("NVT062", "Bit index out of range in expression", RuleSeverity.Error, Expressions);
    public static readonly RuleDiagnosticDescriptor ExpressionArity = new("NVT063", "Wrong function or arity in expression", RuleSeverity.Error, Expressions);

    // Usage warnings
    public static readonly RuleDiagnosticDescriptor UnusedGroup = new("NVT070", "Group never used", RuleSeverity.Warning, Usage);
    public static readonly RuleDiagnosticDescriptor UncataloguedEncoding = new("NVT071", "Trap on an encoding the catalogue does not name", RuleSeverity.Warning, Usage);
    public static readonly RuleDiagnosticDescriptor IncompleteFineGrainedRegister = new("NVT072", "Fine-grained register bits not accounted for", RuleSeverity.Warning, Usage);
    public static readonly RuleDiagnosticDescriptor UnusedFilter = new("NVT073", "Filter never used", RuleSeverity.Warning, Usage);
    public static readonly RuleDiagnosticDescriptor UnusedParameter = new("NVT074", "Parameter never used", RuleSeverity.Warning, Usage);

    // Coverage warnings: what the traps cover, measured against the catalogue
    public static readonly RuleDiagnosticDescriptor IncompleteFamily = new("NVT075", "Register family trapped in part", RuleSeverity.Warning, Coverage);
    public static readonly RuleDiagnosticDescriptor RangeCoversOtherLevel = new("NVT076", "Range covers registers of another exception level", RuleSeverity.Warning, Coverage);
    public static readonly RuleDiagnosticDescriptor RangeGapLeavesRegisters = new("NVT077", "Gap between a group's ranges leaves registers untrapped", RuleSeverity.Warning, Coverage);

    // Generator adapter
    public static readonly RuleDiagnosticDescriptor RulesetNotFound = new("NVT080", "Ruleset not found", RuleSeverity.Error, Generator);
    public static readonly RuleDiagnosticDescriptor InvalidTarget = new("NVT081", "Invalid ruleset target class", RuleSeverity.Error, Generator);
    public static readonly RuleDiagnosticDescriptor NotInterpretable = new("NVT082", "C# condition cannot be interpreted", RuleSeverity.Error, Generator);
    public static readonly RuleDiagnosticDescriptor InternalError = new("NVT090", "Internal error in the NvTrap rule compiler", RuleSeverity.Error, Generator);
    public static readonly RuleDiagnosticDescriptor TooManyDiagnostics = new("NVT091", "Too many diagnostics in one file", RuleSeverity.Warning, Generator);

    // VM profiles (nvtrap --vm)
    public static readonly RuleDiagnosticDescriptor VmProfileUnknownName = new("NVT100", "VM profile names something the ruleset does not define", RuleSeverity.Error, VmProfile);
    public static readonly RuleDiagnosticDescriptor ValueOutOfRange = new("NVT101", "Parameter value outside its range", RuleSeverity.Error, VmProfile);
    public static readonly RuleDiagnosticDescriptor RegisterNotSanitised = new("NVT102", "Reserved bits for a register the ruleset does not sanitise", RuleSeverity.Error, VmProfile);

    public static IReadOnlyList<RuleDiagnosticDescriptor> All { get; } = new[]
    {
        YamlSyntax, UnknownKey, WrongValueType, DuplicateDefinition, MissingKey, UnsupportedYaml, LimitExceeded, InvalidName, ConflictingKeys,
        UnknownRegister, UnknownField, UnknownGroup, UnknownSysReg, UnknownFineGrainedGroup, UnknownFilter, NameTakenByGeneratedCode,
        EncodingFieldOutOfRange, RangeReversed, MalformedEncoding, CoarseOverlap, FineGrainedOverlap, FamilyRange, CatalogueAliasCycle,
        RecursiveCombination, EmptyCombination, MissingMember,
        TooManyGroups, TooManyFineGrainedGroups, PackedConfigInvalid, TooManyRegisters, PerfectHashFailed, TooManyFilters, TooManyParameters,
        ValueOutsideMask, EmptyMask, FineGrainedBitOutOfRange, FineGrainedBitRes0, InvalidPolarity, InvalidBehaviour, InvalidBitPosition, ReservedBitsOverlap, BothPolarities,
        ExpressionSyntax, ExpressionUnknownName, ExpressionBitIndex, ExpressionArity,
        UnusedGroup, UncataloguedEncoding, IncompleteFineGrainedRegister, UnusedFilter, UnusedParameter,
        IncompleteFamily, RangeCoversOtherLevel, RangeGapLeavesRegisters,
        RulesetNotFound, InvalidTarget, NotInterpretable, InternalError, TooManyDiagnostics,
        VmProfileUnknownName, ValueOutOfRange, RegisterNotSanitised,
    };
}
