using System.Linq;

namespace NvTrap.Compiler.Syntax;

/// <summary>
/// Every key of a rule file, per kind of mapping, with what it means. <see cref="RuleFileParser"/>
/// checks keys against these tables, and docs/schema/nvtrap-rules.schema.json is generated from
/// them, so the language an editor is told about is the one the compiler reads.
/// </summary>
internal static class RuleFileKeys
{
    private static KeyDefinition Forward(string owner) => new("forward",
        $"Which accesses the {owner} forwards to the guest hypervisor when it matches: read, write or any.", LanguageValues.Behaviour, required: true);

    private static KeyDefinition InHostEl0(string owner) => new("in_host_el0",
        $"true: the {owner}'s behaviour also forwards accesses from the guest hypervisor's own user space (host EL0, see context.host_el0), "
        + "where other behaviours are handled locally; the kernel's BEHAVE_FORWARD_IN_HOST_EL0.", LanguageValues.Flag);

    /// <summary>A trap entry names its encodings exactly one way.</summary>
    private static string[][] TargetAlternatives => new[] { new[] { "sysreg" }, new[] { "sysregs" }, new[] { "range" } };

    private static KeyDefinition[] TargetKeys(string owner) =>
    new[]
    {
        new KeyDefinition("sysreg", $"The one encoding this {owner} covers.", LanguageValues.Encoding),
        new KeyDefinition("sysregs", $"The encodings this {owner} covers; each counts as an entry of its own.",
            new ListShape(LanguageValues.Encoding, "An encoding this entry covers.")),
        new KeyDefinition("range", $"The encodings this {owner} covers, first to last inclusive in packed order.", LanguageValues.EncodingRange),
    };

    public static readonly KeyTable Context = new("context",
        "How an access from the guest hypervisor itself is told from one by its guest, given once per ruleset. "
        + "Without it, only an access from virtual EL2 (el == 2) is the guest hypervisor's.",
        new[]
        {
            new KeyDefinition("hypervisor",
                "True when the access comes from the guest hypervisor rather than from its guest (the kernel's is_hyp_ctxt); "
                + "such an access is handled locally. It describes the vCPU, so it may read registers, parameters and el, "
                + "not the access's encoding. Default: \"el == 2\".", LanguageValues.Expression),
            new KeyDefinition("host_el0",
                "Tested only in a hypervisor context: true when the access comes from the guest hypervisor's own user space "
                + "(the kernel's vcpu_is_host_el0). There, behaviours flagged in_host_el0 still forward. Without it the "
                + "ruleset has no host EL0.", LanguageValues.Expression),
        });

    public static readonly KeyTable Parameter = new("parameter",
        "A named number describing the VM (such as its PMU counter count) that expressions read by name. At most 16 per ruleset.",
        new[]
        {
            new KeyDefinition("default", "The value of a full-featured VM; it must lie in 'range'.", LanguageValues.Integer, required: true),
            new KeyDefinition("range", "The values a VM profile may give it, first..last inclusive (0..31).", LanguageValues.IndexRange, required: true),
        });

    public static readonly KeyTable Register = new("register",
        "A control register the rules read. With res0 or res1 it is sanitised: wherever the rules read it, it reads "
        + "as (value & ~res0) | res1. An empty entry declares the register with nothing else.",
        new[]
        {
            new KeyDefinition("encoding", "The register's own encoding, for documentation and tools (S3_4_C1_C1_0).", LanguageValues.Encoding),
            new KeyDefinition("fields", "Named bits of the register: field name -> a bit (TVM: 26) or a range [hi, lo] (E2PB: [13, 12]). Fields may overlap.",
                new MapShape(true, new MapEntryShape(LanguageValues.DefinitionName, "A field of the register: its bit, or its bits [hi, lo].", LanguageValues.BitOrRange))),
            new KeyDefinition("res0", "Bits that always read as 0 on a full-featured VM (a VM profile may give others). No bit may be in both res0 and res1.", LanguageValues.BitMask),
            new KeyDefinition("res1", "Bits that always read as 1 on a full-featured VM (a VM profile may give others). No bit may be in both res0 and res1.", LanguageValues.BitMask),
        });

    public static readonly KeyTable Control = new("control",
        "A coarse group of kind control (an entry of the kernel's coarse_trap_bits[]): it matches when "
        + "(register & mask) == value, the register read sanitised, and then forwards the accesses 'forward' names.",
        new[]
        {
            new KeyDefinition("register", "The register tested, defined under 'registers'.", LanguageValues.Name, required: true),
            new KeyDefinition("mask", "The bits tested: a field name, a list of field names, or an integer. It may not be empty.", LanguageValues.FieldBits, required: true),
            new KeyDefinition("value", "What the masked bits must be for the control to match: a field name, a list of field names, or an integer, "
                + "with no bits outside the mask. [] matches when every masked bit is clear.", LanguageValues.FieldBits, required: true),
            Forward("control"),
            InHostEl0("control"),
        });

    public static readonly KeyTable Condition = new("condition",
        "A coarse group of kind condition (the kernel's complex condition, CCC): it forwards 'forward' when its 'when' "
        + "expression is true, or when its C# method says so. Give 'when' or 'csharp', not both.",
        new[]
        {
            Forward("condition"),
            InHostEl0("condition"),
            new KeyDefinition("when", "The test, an expression that may read registers, fields, parameters, el and the trapped access's encoding "
                + "fields op0, op1, crn, crm and op2 (\"!(HCR_EL2.E2H ? CNTHCTL_EL2[10] : CNTHCTL_EL2[0])\").", LanguageValues.Expression),
            new KeyDefinition("csharp", "Instead of 'when': the name of a static partial bool method you write in the class the generator fills, "
                + "given the vCPU state and the encoding. Such a ruleset compiles, but the nvtrap tool cannot interpret it.", LanguageValues.Name),
        },
        alternatives: new[] { new[] { "when" }, new[] { "csharp" } });

    public static readonly KeyTable Trap = new("trap",
        "A coarse trap entry (a line of the kernel's encoding_to_cgt[]): one group decides the accesses to the encodings given by "
        + "exactly one of sysreg, sysregs or range. No encoding may be given two coarse groups.",
        new[] { new KeyDefinition("group", "The coarse group (a control, combination or condition) that decides these encodings.", LanguageValues.Name, required: true) }
            .Concat(TargetKeys("entry")).ToArray(),
        alternatives: TargetAlternatives);

    public static readonly KeyTable FineGrainedGroup = new("fineGrainedGroup",
        "A fine-grained group (a member of the kernel's enum fgt_group_id): the register whose bits decide reads and the one whose "
        + "bits decide writes. Numbered in definition order across the ruleset; at most 15. Give read and write, or both.",
        new[]
        {
            new KeyDefinition("read", "The register whose bits decide reads (MRS), defined under 'registers'.", LanguageValues.Name),
            new KeyDefinition("write", "The register whose bits decide writes (MSR) and instructions, defined under 'registers'.", LanguageValues.Name),
            new KeyDefinition("both", "The one register whose bits decide reads and writes alike (HFGITR_EL2), instead of read and write.", LanguageValues.Name),
        },
        alternatives: new[] { new[] { "both" }, new[] { "read", "write" } });

    private static readonly KeyDefinition FineGrainedBitKey = new("bit",
        "The bit that traps, in the group's registers: GROUP.FIELD or GROUP[n]. Its register is the group's read or write register, "
        + "by the access's direction.", LanguageValues.FineGrainedBit, required: true);

    private static readonly KeyDefinition PolarityKey = new("trap_when",
        "The bit's polarity: set traps while the bit is 1, clear while it is 0 and not RES0 for the VM.", LanguageValues.Polarity, required: true);

    public static readonly KeyTable FineGrainedTrap = new("fineGrainedTrap",
        "A fine-grained trap entry (a line of the kernel's encoding_to_fgt[]): a bit of a fine-grained group that forwards accesses to "
        + "the encodings given by exactly one of sysreg, sysregs or range. It is checked before the encoding's coarse group; an "
        + "encoding has at most one fine-grained entry.",
        TargetKeys("entry").Concat(new[]
        {
            FineGrainedBitKey,
            PolarityKey,
            new KeyDefinition("filter", "A filter, defined under 'filters', that switches this entry off while it holds (the kernel's SR_FGF).", LanguageValues.Name),
        }).ToArray(),
        alternatives: TargetAlternatives);

    private static readonly KeyDefinition NonSysregBitKey = new("bit",
        "The bit, in the group's registers: GROUP.FIELD or GROUP[n].",
        LanguageValues.FineGrainedBit, required: true);

    public static readonly KeyTable NonSysregBit = new("nonSysregBit",
        "A fine-grained bit that traps something other than a system-register access (ERET, SVC, PSB CSYNC, ...). It changes no decision; "
        + "it lets the build check, as the kernel does at boot, that every bit of every fine-grained register is RES0, RES1 or a trap "
        + "of known polarity.",
        new[] { NonSysregBitKey, PolarityKey });

    public static readonly KeyTable Family = new("family",
        "An indexed family of catalogue names: the placeholder's index range, and the encoding of each member computed from it.",
        new[] { new KeyDefinition("encoding", "Each member's encoding, five fields that may use the placeholder's variable.", LanguageValues.FamilyEncoding, required: true) },
        placeholder: new KeyDefinition("<variable>",
            "The variable named by the placeholder in the family's name (n in DBGBVR<n>_EL1): its indexes, first..last inclusive, at most 1023 (n: 0..15).",
            LanguageValues.IndexRange, required: true));

    public static readonly KeyTable File = new("ruleFile",
        "An NvTrap rule file (*.nvtrap.yaml): part of a ruleset of ARM64 nested-virtualization trap rules, which decide whether a "
        + "trapped system-register access of a nested guest is forwarded to its guest hypervisor, handled locally or undefined. "
        + "Only 'ruleset' is required. A ruleset may span many files, read in ordinal path order, whose definitions share one namespace.",
        new[]
        {
            new KeyDefinition("ruleset", "The ruleset this file belongs to (linux-7.1). Files with the same name form one ruleset.", LanguageValues.RulesetName, required: true),
            new KeyDefinition("context", "How an access from the guest hypervisor itself is recognised; once per ruleset.", new ObjectShape(Context)),
            new KeyDefinition("parameters", "Named numbers describing the VM, each with a default and a range: name -> { default, range }.",
                new MapShape(true, new MapEntryShape(LanguageValues.DefinitionName, "A parameter: its full-featured default and the range a VM profile may choose from.", new ObjectShape(Parameter)))),
            new KeyDefinition("registers", "The control registers the rules read: name -> { encoding, fields, res0, res1 }.",
                new MapShape(true, new MapEntryShape(LanguageValues.DefinitionName, "A control register: its fields, encoding and reserved bits.", new ObjectShape(Register, nullable: true)))),
            new KeyDefinition("controls", "Coarse groups of kind control: name -> { register, mask, value, forward }.",
                new MapShape(true, new MapEntryShape(LanguageValues.DefinitionName, "A control: matches when (register & mask) == value.", new ObjectShape(Control)))),
            new KeyDefinition("combinations", "Coarse groups of kind combination (the kernel's MCB): name -> [member groups]. A combination forwards what any member forwards.",
                new MapShape(true, new MapEntryShape(LanguageValues.DefinitionName,
                    "A combination: its member groups, controls or conditions (no combinations), at least one.",
                    new ListShape(LanguageValues.Name, "A member group: a control or a condition.")))),
            new KeyDefinition("conditions", "Coarse groups of kind condition (the kernel's CCC): name -> { forward, when } or { forward, csharp }.",
                new MapShape(true, new MapEntryShape(LanguageValues.DefinitionName, "A condition: forwards when its expression or C# method says so.", new ObjectShape(Condition)))),
            new KeyDefinition("filters", "Named expressions that switch fine-grained entries off while they hold: name -> expression. At most 31 per ruleset.",
                new MapShape(true, new MapEntryShape(LanguageValues.DefinitionName,
                    "A filter: while this expression of registers, parameters and el holds, the fine-grained entries naming it are skipped and the coarse group decides.",
                    LanguageValues.Expression))),
            new KeyDefinition("traps", "Coarse trap entries: each applies one group to encodings.",
                new ListShape(new ObjectShape(Trap), "A coarse trap entry: { group, sysreg | sysregs | range }.", nullable: true)),
            new KeyDefinition("fine_grained", "Fine-grained groups: name -> { read, write } or { both }.",
                new MapShape(true, new MapEntryShape(LanguageValues.DefinitionName, "A fine-grained group: which register decides reads and which writes.", new ObjectShape(FineGrainedGroup)))),
            new KeyDefinition("fine_grained_traps", "Fine-grained trap entries: encodings -> a group bit, its polarity and an optional filter.",
                new ListShape(new ObjectShape(FineGrainedTrap), "A fine-grained trap entry: { sysreg | sysregs | range, bit, trap_when, filter }.", nullable: true)),
            new KeyDefinition("fine_grained_non_sysreg", "Fine-grained bits that trap something other than a system-register access, with their polarity.",
                new ListShape(new ObjectShape(NonSysregBit), "A fine-grained bit that traps an instruction or event other than a system-register access: { bit, trap_when }.", nullable: true)),
            new KeyDefinition("sysregs", "The catalogue of system-register and instruction names: name -> encoding, and indexed families name<n> -> { n: first..last, encoding }.",
                new MapShape(true,
                    new MapEntryShape(LanguageValues.Name, "A catalogue name and its encoding (or another catalogue name it stands for).", LanguageValues.Encoding),
                    new MapEntryShape(LanguageValues.FamilyName, "An indexed family: one name per index of its placeholder.", new ObjectShape(Family)))),
        });
}
