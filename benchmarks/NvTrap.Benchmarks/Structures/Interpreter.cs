using NvTrap.Benchmarks.Decisions;
using NvTrap.Benchmarks.Inputs;
using NvTrap.Cli.Interpreting;
using NvTrap.Compiler.Lowering;

namespace NvTrap.Benchmarks.Structures;

/// <summary>
/// The <c>nvtrap</c> tool's interpreter: its <see cref="InterpretedRules"/> (an
/// <see cref="ITrapRules"/> struct over tables laid out at run time from the lowered ruleset)
/// driven by the same engine and the same loops as the other structures.
/// </summary>
internal sealed class Interpreter
{
    private readonly Func<TrapWorkload, int> _decideAll;
    private readonly Func<ushort[], ulong> _lookupAll;

    private Interpreter(Func<TrapWorkload, int> decideAll, Func<ushort[], ulong> lookupAll)
    {
        _decideAll = decideAll;
        _lookupAll = lookupAll;
    }

    /// <summary>Lays out <paramref name="lowered"/> as the tool does and binds the loops to it.</summary>
    public static Interpreter Create(LoweredRuleset lowered)
    {
        var rules = new InterpretedRules(InterpretedRuleset.Create(lowered));
        return new Interpreter(workload => DecisionBenchmarks.DecideAll(rules, workload.States, workload), encodings => LookupBenchmarks.LookupAllRules(rules, encodings));
    }

    public int DecideAll(TrapWorkload workload) => _decideAll(workload);

    public ulong LookupAll(ushort[] encodings) => _lookupAll(encodings);
}
