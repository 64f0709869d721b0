namespace NvTrap.Compiler.Syntax;

/// <summary>
/// The values keys take, each with the text an editor shows when it explains one. Shared by rule
/// files and VM profiles, which write numbers, bits and masks the same way.
/// </summary>
internal static class LanguageValues
{
    public static readonly ScalarShape Integer = new("integer", ScalarForm.Integer,
        "An unsigned 64-bit integer: decimal (26), hexadecimal after 0x (0x4000000) or binary after 0b (0b1010), "
        + "with '_' allowed between digits (0xFFFF_0000). Write it plain: in quotes it is a string, not a number.");

    public static readonly ScalarShape Bit = new("bit", ScalarForm.Bit,
        "A bit of a 64-bit register, numbered from 0 (the least significant) to 63.");

    public static readonly ScalarShape BitOrRange = new("bitOrRange", ScalarForm.BitOrRange,
        "One bit (26), or the bits from hi down to lo inclusive, written [hi, lo] with hi >= lo ([13, 12]).");

    public static readonly ScalarShape BitMask = new("bitMask", ScalarForm.BitMask,
        "A set of bits: an integer whose set bits are the set (0xFF38000000000000), or a list of bit numbers and "
        + "[hi, lo] ranges ([[63, 56], [53, 51], 46]).");

    public static readonly ScalarShape FieldBits = new("fieldBits", ScalarForm.FieldBits,
        "Bits of the control's register: a field name (TVM), a list of field names whose bits are ORed together "
        + "([NV, NV2]; a field that is a range gives all its bits), or an integer. [] and 0 are no bits.");

    public static readonly ScalarShape Name = new("name", ScalarForm.Name,
        "A name defined in this ruleset: a letter or '_', then letters, digits and '_', at most 256 characters. "
        + "Names are case-sensitive.");

    public static readonly ScalarShape DefinitionName = new("definitionName", ScalarForm.DefinitionName,
        "The name this entry defines: a letter or '_', then letters, digits and '_', at most 256 characters, "
        + "unique in the ruleset for its kind. Not 'null', which YAML reads as no value where the name is used.");

    public static readonly ScalarShape FamilyName = new("familyName", ScalarForm.FamilyName,
        "The name of an indexed family: letters, digits and '_' around one <variable> placeholder (DBGBVR<n>_EL1). "
        + "The family defines one name per index, the placeholder replaced by the number (DBGBVR0_EL1, DBGBVR1_EL1, ...).");

    public static readonly ScalarShape RulesetName = new("rulesetName", ScalarForm.RulesetName,
        "A ruleset's name: letters, digits, '_', '.', '+' and '-' (linux-7.1). The partial class marked "
        + "[NvTrapRuleset(\"linux-7.1\")] receives the code generated from it.");

    public static readonly ScalarShape Expression = new("expression", ScalarForm.Expression,
        "An expression of unsigned 64-bit values, best quoted since it often holds characters YAML reads itself. "
        + "It reads registers (HCR_EL2), fields (HCR_EL2.E2H), bits (CNTHCTL_EL2[10]) and bit ranges (CNTHCTL_EL2[1:0]), "
        + "parameters, el (0, 1 or 2), literals (42, 0x2a, 0b101010, true, false), popcount/min/max and C's operators "
        + "with C's precedence. Any value but 0 is true.");

    public static readonly ScalarShape Encoding = new("encoding", ScalarForm.Encoding,
        "An MRS/MSR/SYS encoding, written one of three ways: a name from the catalogue under 'sysregs' (SCTLR_EL1), "
        + "the generic name S<op0>_<op1>_C<CRn>_C<CRm>_<op2> (S3_0_C1_C0_0), or the five fields as a list "
        + "[op0, op1, CRn, CRm, op2] ([3, 0, 1, 0, 0]). op0 is 0..3, op1 0..7, CRn and CRm 0..15, op2 0..7.");

    public static readonly ScalarShape EncodingRange = new("encodingRange", ScalarForm.EncodingRange,
        "Every encoding from first to last inclusive, written [first, last]. Encodings are ordered by their packed "
        + "value op0<<14 | op1<<11 | CRn<<7 | CRm<<3 | op2.");

    public static readonly ScalarShape FamilyEncoding = new("familyEncoding", ScalarForm.FamilyEncoding,
        "The family's encoding as five fields [op0, op1, CRn, CRm, op2], each an integer or an expression of the "
        + "family's variable ([2, 0, 0, n, 4], or [3, 3, 14, \"8 | (n >> 3)\", \"n & 7\"]).");

    public static readonly ScalarShape IndexRange = new("indexRange", ScalarForm.IndexRange,
        "An inclusive range of integers written first..last, with first <= last (0..15).");

    public static readonly ScalarShape FineGrainedBit = new("fineGrainedBit", ScalarForm.FineGrainedBit,
        "A bit of a fine-grained group's registers: GROUP.FIELD, by the name of a field of the group's registers "
        + "(HFGxTR.nTPIDR2_EL0), or GROUP[n], by number (\"HFGxTR[39]\"; inside { } quote it, since a plain value "
        + "there may not hold '[').");

    public static readonly ScalarShape Flag = new("flag", ScalarForm.Flag,
        "true or false, written plain and in lower case. Leaving the key out means false.");

    public static readonly ChoiceShape<BehaviourSyntax> Behaviour = new("behaviour",
        "Which accesses a matching group forwards to the guest hypervisor: read, write or any.",
        ("read", BehaviourSyntax.Read, "Reads (MRS) are forwarded."),
        ("write", BehaviourSyntax.Write, "Writes (MSR) and system instructions (SYS) are forwarded."),
        ("any", BehaviourSyntax.Any, "Reads and writes are forwarded."));

    public static readonly ChoiceShape<PolaritySyntax> Polarity = new("polarity",
        "When the fine-grained bit traps the access: set or clear.",
        ("set", PolaritySyntax.Set, "The access is forwarded while the bit is 1."),
        ("clear", PolaritySyntax.Clear, "The access is forwarded while the bit is 0, unless the bit is RES0 for the VM (a RES0 bit reads 0 but means the feature is absent)."));
}
