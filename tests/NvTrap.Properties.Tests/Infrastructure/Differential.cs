using NvTrap.Cli.Interpreting;
using NvTrap.Compiler.Lowering;
using NvTrap.Compiler.Semantics;
using NvTrap.Properties.Tests.Generation;

namespace NvTrap.Properties.Tests.Infrastructure;

/// <summary>
/// Generated code against the interpreter (<c>nvtrap --rules</c>) for one ruleset: the same
/// default VM and configured encodings, the same <see cref="TrapDecision"/> for every random state,
/// VM profile and ESR, the same explanation text for some of them, and the same value of every
/// condition, filter and context test for each state, whether or not a decision reaches it.
/// </summary>
internal static class Differential
{
    public static void Run(GeneratedRules generated, LoweredRuleset lowered, IReadOnlyList<ControlHint> hints, Draw draw, int cases)
    {
        var rules = new InterpretedRules(InterpretedRuleset.Create(lowered));
        var defaults = VmProfile.Defaults(rules);
        if (Difference(generated.DefaultVm(), defaults) is { } difference)
        {
            throw new PropertyFailure("differential:default-vm", "DefaultVm() differs from the interpreter's: " + difference);
        }

        var configured = generated.ConfiguredEncodings();
        if (!configured.SequenceEqual(RuleTables.ConfiguredEncodings(rules)))
        {
            throw new PropertyFailure("differential:configured", "ConfiguredEncodings() differs from the interpreter's");
        }

        var inputs = new RandomInputs(draw, lowered, defaults, configured, hints);
        var conditions = lowered.Conditions.Where(c => c.Logic is ExpressionLogic).Select(c => c.Id).ToArray();
        var filters = lowered.Filters.Select(f => f.Id).ToArray();
        var state = inputs.State();
        var vm = defaults;
        for (int i = 0; i < cases; i++)
        {
            if (i % 4 == 0)
            {
                state = inputs.State();
                vm = inputs.Vm();
                Expressions(generated, rules, inputs, conditions, filters, state, vm);
            }

            var esr = inputs.Esr();
            var expected = TrapEngine.Decide(rules, state, vm, esr);
            var actual = generated.Decide(state, vm, esr);
            if (expected != actual)
            {
                throw new PropertyFailure("differential:decide", $"decisions differ for ESR {esr} at EL{(int)state.CurrentEl} nv={state.HasNestedVirtualization} registers [{Registers(state, lowered)}]:\n  interpreter {expected}\n  generated   {actual}");
            }

            if (i % 16 == 0)
            {
                string expectedText = TrapExplainer.Explain(rules, state, vm, esr).ToString();
                string actualText = generated.Explain(state, vm, esr).ToString();
                if (expectedText != actualText)
                {
                    throw new PropertyFailure("differential:explain", $"explanations differ for ESR {esr}:\n--- interpreter\n{expectedText}\n--- generated\n{actualText}");
                }
            }
        }
    }

    private static void Expressions(GeneratedRules generated, InterpretedRules rules, RandomInputs inputs, int[] conditions, int[] filters, VcpuState state, VmProfile vm)
    {
        var interpretedState = state;
        var interpretedVm = vm;
        foreach (int id in conditions)
        {
            var encoding = inputs.Encoding();
            bool expected = rules.EvaluateCondition(id, ref interpretedState, ref interpretedVm, encoding);
            if (expected != generated.Condition(id, ref state, ref vm, encoding))
            {
                throw new PropertyFailure("differential:condition", $"condition {id} is {expected} in the interpreter and {!expected} in generated code for {encoding} at EL{(int)state.CurrentEl}");
            }
        }

        foreach (int id in filters)
        {
            bool expected = rules.FilterHolds(id, ref interpretedState, ref interpretedVm);
            if (expected != generated.Filter(id, ref state, ref vm))
            {
                throw new PropertyFailure("differential:filter", $"filter {id} is {expected} in the interpreter and {!expected} in generated code at EL{(int)state.CurrentEl}");
            }
        }

        if (rules.IsHypervisorContext(ref interpretedState, ref interpretedVm) != generated.Hypervisor(ref state, ref vm))
        {
            throw new PropertyFailure("differential:context", $"the hypervisor context test differs at EL{(int)state.CurrentEl}");
        }

        if (rules.IsHostEl0(ref interpretedState, ref interpretedVm) != generated.HostEl0(ref state, ref vm))
        {
            throw new PropertyFailure("differential:context", $"the host EL0 test differs at EL{(int)state.CurrentEl}");
        }
    }

    private static string Registers(VcpuState state, LoweredRuleset lowered) =>
        string.Join(", ", lowered.Registers.Select(r => $"{r.Name}=0x{state.ReadRegister(r.Index):X}"));

    /// <summary>Where two profiles differ, or null.</summary>
    private static string? Difference(in VmProfile a, in VmProfile b)
    {
        for (int g = 0; g <= Capacities.MaxFineGrainedGroups; g++)
        {
            if (a.HiddenBits(g) != b.HiddenBits(g))
            {
                return $"hidden bits of fine-grained group {g}";
            }
        }

        for (int r = 0; r < Capacities.MaxRegisters; r++)
        {
            if (a.Res0(r) != b.Res0(r) || a.Res1(r) != b.Res1(r) || a.IsSanitised(r) != b.IsSanitised(r))
            {
                return $"reserved bits of register {r}";
            }
        }

        for (int p = 0; p < Capacities.MaxParameters; p++)
        {
            if (a.Parameter(p) != b.Parameter(p))
            {
                return $"parameter {p}";
            }
        }

        return null;
    }
}
