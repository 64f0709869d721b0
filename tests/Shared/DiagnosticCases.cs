using System.Text;

namespace NvTrap.Testing;

/// <summary>
/// One small rule file per diagnostic: the id it must produce and where (line and the token the
/// column points at). Each file is otherwise valid, so the expected diagnostic is the only error.
/// </summary>
public static class DiagnosticCases
{
    /// <summary>A minimal valid ruleset, reused by cases that need definitions to refer to.</summary>
    public const string Base = """
        ruleset: t
        registers:
          R: { fields: { A: 0, B: 1, W: [7, 4] } }
          F: { res0: [[63, 4], [2, 0]], fields: { X: 3, HIGH: 61 } }
        controls:
          C1: { register: R, mask: A, value: A, forward: any }
          C2: { register: R, mask: B, value: [], forward: read }
        combinations:
          M1: [C1, C2]
        fine_grained:
          G: { both: F }
        traps:
          - { group: M1, sysreg: S3_0_C1_C0_0 }
        fine_grained_traps:
          - { sysreg: S3_0_C1_C0_1, bit: G.X, trap_when: set }
        """;

    public sealed record Case(string Id, string Yaml, int Line, string Token, string? OtherFile = null, string File = "a.nvtrap.yaml");

    public static IEnumerable<Case> All()
    {
        yield return new("NVT001", "ruleset: t\ncontrols: { C1: [1, 2\n", 3, "");
        yield return new("NVT002", "ruleset: t\nregisters:\n  R: { fields: { A: 0 }, encodng: S3_4_C1_C1_0 }\n", 3, "encodng");
        yield return new("NVT003", "ruleset: t\ncontrols: [1, 2]\n", 2, "[1, 2]");
        yield return new("NVT004", "ruleset: t\ncontrols:\n  C1: { register: R, mask: A, value: A, forward: any }\n", 3, "C1", OtherFile: Base, File: "b.nvtrap.yaml");
        yield return new("NVT005", "ruleset: t\nregisters:\n  R: { fields: { A: 0 } }\ncontrols:\n  C1: { register: R, mask: A, value: A }\ntraps:\n  - { group: C1, sysreg: S3_0_C1_C0_0 }\n", 5, "{");
        yield return new("NVT006", "ruleset: &name t\n", 1, "&name");
        yield return new("NVT007", "ruleset: t\ndeep: " + new string('[', 70) + new string(']', 70) + "\n", 2, new string('[', 7) + "]");
        yield return new("NVT008", "ruleset: t\nregisters:\n  R: { fields: { A: 0 } }\ncontrols:\n  1bad: { register: R, mask: A, value: A, forward: any }\n", 5, "1bad");
        yield return new("NVT009", Base.Replace("{ group: M1, sysreg: S3_0_C1_C0_0 }", "{ group: M1, sysreg: S3_0_C1_C0_0, range: [S3_0_C2_C0_0, S3_0_C2_C0_1] }"), 13, "range");
        yield return new("NVT010", Base.Replace("C1: { register: R,", "C1: { register: Q,"), 6, "Q,");
        yield return new("NVT011", Base.Replace("C1: { register: R, mask: A,", "C1: { register: R, mask: AA,"), 6, "AA");
        yield return new("NVT012", Base.Replace("{ group: M1, sysreg", "{ group: M9, sysreg"), 13, "M9");
        yield return new("NVT013", Base.Replace("sysreg: S3_0_C1_C0_0 }", "sysreg: NO_SUCH_EL1 }"), 13, "NO_SUCH_EL1");
        yield return new("NVT014", Base.Replace("bit: G.X", "bit: H.X"), 15, "H.X");
        yield return new("NVT015", Base.Replace("bit: G.X, trap_when: set }", "bit: G.X, trap_when: set, filter: NOPE }"), 15, "NOPE");
        yield return new("NVT016", Base + "\nfilters:\n  Filters: \"R.A\"\n", 17, "Filters");
        yield return new("NVT020", Base.Replace("sysreg: S3_0_C1_C0_0 }", "sysreg: S3_8_C1_C0_0 }"), 13, "8_C1");
        yield return new("NVT021", Base.Replace("sysreg: S3_0_C1_C0_0 }", "range: [S3_0_C2_C0_0, S3_0_C1_C0_0] }"), 13, "[S3_0_C2");
        yield return new("NVT022", Base.Replace("sysreg: S3_0_C1_C0_0 }", "sysreg: [3, 0, 1] }"), 13, "[3, 0, 1]");
        yield return new("NVT023", Base.Replace("  - { group: M1, sysreg: S3_0_C1_C0_0 }", "  - { group: M1, sysreg: S3_0_C1_C0_0 }\n  - { group: C1, range: [S3_0_C0_C0_0, S3_0_C1_C15_7] }"), 14, "[S3_0_C0");
        yield return new("NVT024", Base + "\n  - { sysreg: [3, 0, 1, 0, 1], bit: G.X, trap_when: set }\n", 16, "[3, 0, 1, 0, 1]");
        yield return new("NVT025", Base + "\nsysregs:\n  DBG<n>_EL1: { n: 5..2, encoding: [2, 0, 0, n, 4] }\n", 17, "5..2");
        yield return new("NVT026", Base + "\nsysregs:\n  A_EL1: B_EL1\n  B_EL1: A_EL1\n", 17, "A_EL1");
        yield return new("NVT030", Base.Replace("  M1: [C1, C2]", "  M1: [C1, C2]\n  M2: [M1, C2]").Replace("fine_grained_traps:", "  - { group: M2, sysreg: S3_0_C3_C0_0 }\nfine_grained_traps:"), 10, "M1,");
        yield return new("NVT031", Base.Replace("  M1: [C1, C2]", "  M1: [C1, C2]\n  E: []"), 10, "E:");
        yield return new("NVT032", Base.Replace("M1: [C1, C2]", "M1: [C1, C3]"), 9, "C3");
        yield return new("NVT040", ManyGroups(1024), 1028, "G1024");
        yield return new("NVT041", ManyFineGrainedGroups(16), 20, "G16");
        yield return new("NVT043", ManyRegisters(33), 35, "R33");
        yield return new("NVT045", Base + "\nfilters:\n" + string.Concat(Enumerable.Range(1, 32).Select(i => $"  F{i}: \"R.A\"\n")), 48, "F32");
        yield return new("NVT046", Base + "\nparameters:\n" + string.Concat(Enumerable.Range(1, 17).Select(i => $"  P{i}: {{ default: 0, range: 0..1 }}\n")), 33, "P17");
        yield return new("NVT050", Base.Replace("C2: { register: R, mask: B, value: []", "C2: { register: R, mask: B, value: [A]"), 7, "[A]");
        yield return new("NVT051", Base.Replace("C2: { register: R, mask: B,", "C2: { register: R, mask: [],"), 7, "[]");
        yield return new("NVT052", Base.Replace("bit: G.X", "bit: \"G[64]\""), 15, "64");
        yield return new("NVT053", Base.Replace("bit: G.X", "bit: G.HIGH"), 15, "HIGH");
        yield return new("NVT054", Base.Replace("trap_when: set", "trap_when: maybe"), 15, "maybe");
        yield return new("NVT055", Base.Replace("forward: read", "forward: sometimes"), 7, "sometimes");
        yield return new("NVT056", Base.Replace("W: [7, 4]", "W: [64, 4]"), 3, "64");
        yield return new("NVT057", Base.Replace("R: { fields:", "R: { res0: [9, 8], res1: [9], fields:"), 3, "[9]");
        yield return new("NVT058", Base + "\n  - { sysreg: S3_0_C1_C0_2, bit: G.X, trap_when: clear }\n", 16, "S3_0_C1_C0_2");
        yield return new("NVT060", WithCondition("R.A && ) R.B"), 11, ")");
        yield return new("NVT061", WithCondition("R.A && Q[3]"), 11, "Q[3]");
        yield return new("NVT062", WithCondition("R.A && R[64]"), 11, "64");
        yield return new("NVT063", WithCondition("popcount(R, 1) == 2"), 11, "popcount");
        yield return new("NVT070", Base.Replace("  C2: { register: R, mask: B, value: [], forward: read }", "  C2: { register: R, mask: B, value: [], forward: read }\n  UNUSED: { register: R, mask: B, value: B, forward: read }"), 8, "UNUSED");
        yield return new("NVT071", Base + "\nsysregs:\n  SCTLR_EL1: S3_0_C1_C0_0\n", 15, "S3_0_C1_C0_1");
        yield return new("NVT072", Base.Replace("res0: [[63, 4], [2, 0]]", "res0: [[63, 4], 2]"), 4, "F:");
        yield return new("NVT073", Base + "\nfilters:\n  UNUSED: \"R.A\"\n", 17, "UNUSED");
        yield return new("NVT074", Base + "\nparameters:\n  UNUSED: { default: 1, range: 0..3 }\n", 17, "UNUSED");
        yield return new("NVT075", WithTrapAndCatalogue("  - { group: C1, sysregs: [DBG0_EL1, DBG1_EL1, DBG2_EL1] }", "  DBG<n>_EL1: { n: 0..3, encoding: [2, 0, 0, n, 4] }"), 14, "DBG2_EL1");
        yield return new("NVT076", WithTrapAndCatalogue("  - { group: C1, range: [S3_4_C4_C0_0, S3_4_C4_C1_7] }", "  SP_EL1: S3_4_C4_C1_0"), 14, "[S3_4_C4_C0_0");
        yield return new("NVT077", WithTrapAndCatalogue("  - { group: C1, range: [S3_4_C3_C0_0, S3_4_C3_C15_7] }\n  - { group: C1, range: [S3_4_C4_C1_0, S3_4_C4_C15_7] }", "  SPSR_EL2: S3_4_C4_C0_0"), 15, "[S3_4_C4_C1_0");
        yield return new("NVT101", Base + "\nparameters:\n  P: { default: 9, range: 0..3 }\nconditions:\n  K: { forward: any, when: \"P == 1\" }\n", 17, "9");
    }

    /// <summary>The base ruleset with more traps after its own (from line 14 on) and a catalogue.</summary>
    private static string WithTrapAndCatalogue(string traps, string catalogue) =>
        Base.Replace("fine_grained_traps:", traps + "\nfine_grained_traps:") + "\nsysregs:\n" + catalogue + "\n";

    /// <summary>The base ruleset plus a condition (line 11 holds its expression) trapping one more encoding.</summary>
    private static string WithCondition(string expression) =>
        Base.Replace("combinations:", $"conditions:\n  K:\n    forward: any\n    when: \"{expression}\"\ncombinations:")
            .Replace("fine_grained_traps:", "  - { group: K, sysreg: S3_0_C5_C0_0 }\nfine_grained_traps:")
        is var text && text.Split('\n')[10].Contains("when") ? text : throw new InvalidOperationException("condition is not on line 11");

    /// <summary>A ruleset with <paramref name="count"/> controls G1.., each trapped on its own encoding.</summary>
    public static string ManyGroups(int count, string ruleset = "t")
    {
        var text = new StringBuilder($"ruleset: {ruleset}\nregisters:\n  R: {{ fields: {{ A: 0 }} }}\ncontrols:\n");
        for (int i = 1; i <= count; i++)
        {
            text.Append($"  G{i}: {{ register: R, mask: A, value: A, forward: any }}\n");
        }

        text.Append("traps:\n");
        for (int i = 1; i <= count; i++)
        {
            text.Append($"  - {{ group: G{i}, sysreg: [3, {i / 256 % 8}, {i / 16 % 16}, {i % 16}, 0] }}\n");
        }

        return text.ToString();
    }

    /// <summary>A ruleset with <paramref name="count"/> fine-grained groups named <paramref name="prefix"/>1.., each with one trap.</summary>
    public static string ManyFineGrainedGroups(int count, string ruleset = "t", string prefix = "G")
    {
        var text = new StringBuilder($"ruleset: {ruleset}\nregisters:\n  F: {{ fields: {{ X: 3 }} }}\nfine_grained:\n");
        for (int i = 1; i <= count; i++)
        {
            text.Append($"  {prefix}{i}: {{ both: F }}\n");
        }

        text.Append("fine_grained_traps:\n");
        for (int i = 1; i <= count; i++)
        {
            text.Append($"  - {{ sysreg: [3, 0, 1, {i % 16}, {i / 16}], bit: {prefix}{i}.X, trap_when: set }}\n");
        }

        return text.ToString();
    }

    /// <summary>A ruleset with <paramref name="count"/> registers R1.. and one control on R1.</summary>
    public static string ManyRegisters(int count, string ruleset = "t")
    {
        var text = new StringBuilder($"ruleset: {ruleset}\nregisters:\n");
        for (int i = 1; i <= count; i++)
        {
            text.Append($"  R{i}: {{ fields: {{ A: 0 }} }}\n");
        }

        text.Append("controls:\n  C1: { register: R1, mask: A, value: A, forward: any }\ntraps:\n  - { group: C1, sysreg: S3_0_C1_C0_0 }\n");
        return text.ToString();
    }
}
