using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using NvTrap.Compiler.Semantics;
using NvTrap.Compiler.Evaluation;
using NvTrap.Generator.Tests.Infrastructure;
using NvTrap.Testing;

namespace NvTrap.Generator.Tests.Generator;

/// <summary>
/// Compiled conditions must mean what the interpreter says they mean: the generated C# is built,
/// loaded and run against <see cref="ExpressionEvaluator"/> on random registers and encodings,
/// over expressions that use every operator, function, bit selection and shift edge case.
/// </summary>
public class ConditionSemanticsTests
{
    private static readonly string[] Expressions =
    {
        "R.W == 5 && crm != 0",
        "(R >> 3) & 1 | ~R == 0",
        "R[63:60] * 3 + op2 - 1 > crn",
        "popcount(R) >= min(op1, 7) || max(R[3:0], 2) == 3",
        "R << 63 != 0 ? -R < R : !R[5]",
        "(R ^ Q) & 0xFF00 == Q[15:8] << 8",
        "R >> 64 == 0 && 1 << Q[6:0] != 0",
        "op0 == 3 && (Q.LOW <= 0b11 || Q[63]) && !(R & Q)",
        "R - Q >= Q - R ^ R[62:0] == 0x7FFFFFFFFFFFFFFF",
        "~0 >> Q[5:0] <= R * R && true || false",
        "((crm & 3) << 3) | op2 == Q[4:0] | op1",
        "(op0 | crn ^ op1) & R == 0 | op2",
    };

    [Fact]
    public void Generated_conditions_agree_with_the_interpreter()
    {
        var yaml = new System.Text.StringBuilder("ruleset: sem\nregisters:\n  R: { fields: { W: [7, 4] } }\n  Q: { fields: { LOW: [1, 0] } }\nconditions:\n");
        for (int i = 0; i < Expressions.Length; i++)
        {
            yaml.Append($"  K{i}: {{ forward: any, when: \"{Expressions[i]}\" }}\n");
        }

        yaml.Append("traps:\n");
        for (int i = 0; i < Expressions.Length; i++)
        {
            yaml.Append($"  - {{ group: K{i}, range: [S{i % 4}_{i % 8}_C{i}_C0_0, S{i % 4}_{i % 8}_C{i}_C15_7] }}\n");
        }

        var compilation = Rules.Compile(("sem.nvtrap.yaml", yaml.ToString()));
        Assert.Empty(compilation.Diagnostics);
        var bound = compilation.Bound.Single();

        const string target = "namespace Sem; [NvTrap.NvTrapRuleset(\"sem\")] public static partial class SemTraps { }";
        var (_, output, diagnostics) = GeneratorHarness.Run(new[] { target }, GeneratorHarness.Yaml("sem.nvtrap.yaml", yaml.ToString()));
        Assert.Empty(diagnostics);
        // The fields are ints: OR-ing them into a ulong must not warn (CS0675 on a sign-extended operand).
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;

        var context = new AssemblyLoadContext("conditions", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(stream);
            var decide = assembly.GetType("Sem.SemTraps")!.GetMethods().Single(m => m.Name == "Decide" && m.GetGenericArguments().Length == 1).MakeGenericMethod(typeof(VcpuState));
            var random = new Random(7);
            var groups = bound.Groups;
            for (int round = 0; round < 20_000; round++)
            {
                ulong r = Next(random), q = Next(random);
                int i = random.Next(Expressions.Length);
                var encoding = SysRegEncoding.Create(i % 4, i % 8, i, random.Next(16), random.Next(8));
                var state = VcpuState.NestedGuestAtEl1;
                state[0] = r;
                state[1] = q;
                var decision = (TrapDecision)decide.Invoke(null, new object[] { state, Esr.ForSysRegAccess(encoding, random.Next(2) == 0) })!;

                var group = (BoundCondition)groups.Single(g => g.Name == $"K{i}");
                ulong expected = ExpressionEvaluator.Evaluate(((ExpressionLogic)group.Logic!).Expression, reg => reg == 0 ? r : q, encoding.Value, 0);
                Assert.True((expected != 0) == decision.Forward, $"K{i} '{Expressions[i]}' with R=0x{r:X} Q=0x{q:X} {encoding}: interpreter {expected}, generated {decision}");
            }
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Values that hit the edges: zero, all ones, single bits, small numbers and random words.</summary>
    private static ulong Next(Random random) => random.Next(6) switch
    {
        0 => 0,
        1 => ulong.MaxValue,
        2 => 1UL << random.Next(64),
        3 => (ulong)random.Next(16),
        _ => ((ulong)(uint)random.Next() << 33) ^ ((ulong)(uint)random.Next() << 2) ^ (uint)random.Next(4),
    };
}
