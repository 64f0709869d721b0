using NvTrap.Compiler.Syntax;

namespace NvTrap.Compiler.Profiles;

/// <summary>
/// Every key of a VM profile file, with what it means. <see cref="VmProfileReader"/> checks keys
/// against these tables, and docs/schema/nvtrap-vm.schema.json is generated from them.
/// </summary>
internal static class VmProfileKeys
{
    public static readonly KeyTable ReservedBits = new("reservedBits",
        "This VM's reserved bits of one register: res0, res1 or both. A mask not given keeps the ruleset's default.",
        new[]
        {
            new KeyDefinition("res0", "The bits that read as 0 on this VM, replacing the ruleset's res0. No bit may be in both res0 and res1.", LanguageValues.BitMask),
            new KeyDefinition("res1", "The bits that read as 1 on this VM, replacing the ruleset's res1. No bit may be in both res0 and res1.", LanguageValues.BitMask),
        },
        minimumKeys: 1);

    public static readonly KeyTable File = new("vmProfile",
        "An NvTrap VM profile: how one VM differs from the full-featured VM its ruleset describes (nvtrap explain and eval read it "
        + "with --vm FILE). It names the ruleset's own fine-grained groups, registers and parameters; {} keeps every default.",
        new[]
        {
            new KeyDefinition("fgu", "Fine-grained group -> the bits of its registers this VM does not have (the kernel's kvm->arch.fgu). An access "
                + "behind a hidden bit is undefined: the host injects an UNDEF, with or without nested virtualization.",
                new MapShape(true, new MapEntryShape(LanguageValues.Name, "A fine-grained group of the ruleset: the bits this VM hides, as an integer or a list of bits and [hi, lo] ranges.", LanguageValues.BitMask))),
            new KeyDefinition("registers", "Register -> this VM's reserved bits, in place of the ruleset's defaults. Only a register the ruleset "
                + "sanitises (one that declares res0 or res1) can be given.",
                new MapShape(true, new MapEntryShape(LanguageValues.Name, "A sanitised register of the ruleset: { res0, res1 } for this VM.", new ObjectShape(ReservedBits)))),
            new KeyDefinition("parameters", "Parameter -> this VM's value, within the range the ruleset declares for it.",
                new MapShape(true, new MapEntryShape(LanguageValues.Name, "A parameter of the ruleset: its value on this VM.", LanguageValues.Integer))),
        });
}
